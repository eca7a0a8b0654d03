import {
  type Customer,
  type CustomerDetail,
  type CustomerGetInput,
  type CustomerListInput,
  type CustomerPage,
  currencyExponent,
  customerGetInputSchema,
  customerListInputSchema,
  formatMinorUnits,
  LIMITS,
  type Locale,
  parseScaledDecimal,
  type PurchaseRecord,
  type SegmentName,
  type TimelineEntry,
  type TraitValue,
} from '@rapport/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { AppError } from '../errors.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { divRound } from '../analytics/money.js'
import { nextProductsFor } from '../analytics/recommendations/next-best.js'
import { refreshAnalytics } from '../analytics/refresh-analytics.js'
import { decodeCursor, encodeCursor } from './customer-cursor.js'
import {
  type CustomerRow,
  customerInteractions,
  customerPurchases,
  customerRefunds,
  favouriteProducts,
  findCustomer,
  listCustomers,
  purchaseItems,
  SORT_COLUMN,
  type SortValue,
} from './customer.repository.js'
import { nextProductReason } from './next-product-reason.js'
import { scoreReasonsIn } from './score-reason-texts.js'

const DETAIL_LIMIT = 500

function toCustomer(row: CustomerRow, project: ProjectRow, locale: Locale): Customer {
  const exponent = currencyExponent(project.currency)
  return {
    customerId: row.customer_id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    traits: row.traits as Record<string, TraitValue>,
    firstSeenAt: row.first_seen_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    totals: {
      orders: row.orders_count,
      refundedOrders: row.refunded_orders_count,
      netSpent: formatMinorUnits(row.net_spent_minor, exponent),
      refunded: formatMinorUnits(row.refunded_minor, exponent),
      averageOrderValue: formatMinorUnits(divRound(row.gross_spent_minor, BigInt(row.orders_count)), exponent),
      currency: project.currency,
      firstPurchaseAt: row.first_purchase_at?.toISOString() ?? null,
      lastPurchaseAt: row.last_purchase_at?.toISOString() ?? null,
    },
    rfm:
      row.segment === null || row.rfm_recency === null || row.rfm_frequency === null || row.rfm_monetary === null
        ? null
        : { recency: row.rfm_recency, frequency: row.rfm_frequency, monetary: row.rfm_monetary, segment: row.segment as SegmentName },
    predictions:
      row.p_alive === null ||
      row.expected_purchases_30 === null ||
      row.expected_purchases_90 === null ||
      row.expected_order_value_minor === null ||
      row.predicted_value_365_minor === null
        ? null
        : {
            pActive: row.p_alive,
            expectedPurchases30: row.expected_purchases_30,
            expectedPurchases90: row.expected_purchases_90,
            expectedOrderValue: formatMinorUnits(row.expected_order_value_minor, exponent),
            predictedValue365: formatMinorUnits(row.predicted_value_365_minor, exponent),
          },
    score:
      row.score === null || row.score_label === null
        ? null
        : { value: row.score, label: row.score_label, reasons: scoreReasonsIn(locale, row.score_reasons ?? [], row, project) },
  }
}

function spentBound(value: string | undefined, exponent: number, field: string): bigint | undefined {
  if (value === undefined) return undefined
  const negative = value.startsWith('-')
  const parsed = parseScaledDecimal(negative ? value.slice(1) : value, exponent)
  if (!parsed.ok) throw new AppError('validation_error', 'Not a valid amount for the project currency', { issues: [{ path: field, message: `At most ${exponent} decimals` }] })
  return negative ? -parsed.value : parsed.value
}

export async function listCustomerPage(db: Kysely<Database>, project: ProjectRow, input: CustomerListInput): Promise<CustomerPage> {
  const query = customerListInputSchema.parse(input)
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.sort, query.order)
  const exponent = currencyExponent(project.currency)
  await refreshAnalytics(db, project)
  const rows = await listCustomers(db, project.id, {
    segment: query.segment,
    traitKey: query.traitKey,
    traitValue: query.traitValue,
    minSpentMinor: spentBound(query.minSpent, exponent, 'minSpent'),
    maxSpentMinor: spentBound(query.maxSpent, exponent, 'maxSpent'),
    lastPurchaseAfter: query.lastPurchaseAfter === undefined ? undefined : new Date(query.lastPurchaseAfter),
    lastPurchaseBefore: query.lastPurchaseBefore === undefined ? undefined : new Date(query.lastPurchaseBefore),
    scoreLabel: query.scoreLabel,
    minScore: query.minScore,
    maxScore: query.maxScore,
    search: query.search?.trim() || undefined,
    sort: query.sort,
    order: query.order,
    limit: query.limit + 1,
    after,
  })
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor(query.sort, query.order, last[SORT_COLUMN[query.sort]] as SortValue, last.customer_id)
      : null
  return { items: page.map((row) => toCustomer(row, project, query.locale)), nextCursor }
}

function formatUnitPrice(e4: bigint | null): string | null {
  return e4 === null ? null : formatMinorUnits(e4, LIMITS.unitPriceDecimals).replace(/\.?0+$/, '')
}

export async function getCustomerDetail(db: Kysely<Database>, project: ProjectRow, input: CustomerGetInput): Promise<CustomerDetail> {
  const { customerId, locale } = customerGetInputSchema.parse(input)
  await refreshAnalytics(db, project)
  const row = await findCustomer(db, project.id, customerId)
  if (!row) throw new AppError('not_found', 'No customer with this id in the project')
  const [purchases, interactions, refunds, favourites, nextBest] = await Promise.all([
    customerPurchases(db, project.id, customerId, DETAIL_LIMIT),
    customerInteractions(db, project.id, customerId, DETAIL_LIMIT),
    customerRefunds(db, project.id, customerId, DETAIL_LIMIT),
    favouriteProducts(db, project.id, customerId, 5),
    row.orders_count > 0 ? nextProductsFor(db, project, customerId) : [],
  ])
  const items = await purchaseItems(
    db,
    project.id,
    purchases.map((purchase) => purchase.order_id),
  )
  const records: PurchaseRecord[] = purchases.map((purchase) => ({
    orderId: purchase.order_id,
    amount: formatMinorUnits(purchase.amount_minor, currencyExponent(purchase.currency)),
    currency: purchase.currency,
    status: purchase.status,
    source: purchase.source,
    channel: purchase.channel,
    occurredAt: purchase.ordered_at.toISOString(),
    refundedAt: purchase.refunded_at?.toISOString() ?? null,
    items: items
      .filter((item) => item.order_id === purchase.order_id)
      .map((item) => ({
        productId: item.product_id,
        name: item.name,
        category: item.category,
        quantity: item.quantity,
        unitPrice: formatUnitPrice(item.unit_price_e4),
      })),
  }))
  const timeline: TimelineEntry[] = [
    ...records.map((record) => ({
      kind: 'purchase' as const,
      at: record.occurredAt,
      orderId: record.orderId,
      amount: record.amount,
      currency: record.currency,
      status: record.status,
    })),
    ...records.flatMap((record) =>
      record.refundedAt === null
        ? []
        : [{ kind: 'refund' as const, at: record.refundedAt, orderId: record.orderId, refundId: null, amount: record.amount, currency: record.currency }],
    ),
    ...refunds.map((refund) => ({
      kind: 'refund' as const,
      at: refund.refunded_at.toISOString(),
      orderId: refund.order_id,
      refundId: refund.refund_id,
      amount: formatMinorUnits(refund.amount_minor, currencyExponent(refund.currency)),
      currency: refund.currency,
    })),
    ...interactions.map((interaction) => ({
      kind: 'interaction' as const,
      at: interaction.occurred_at.toISOString(),
      name: interaction.name,
      properties: interaction.properties,
    })),
  ]
  timeline.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  return {
    customer: toCustomer(row, project, locale),
    purchases: records,
    timeline: timeline.slice(0, DETAIL_LIMIT),
    favouriteProducts: favourites.map((favourite) => ({
      productId: favourite.product_id,
      name: favourite.name,
      quantity: Number(favourite.quantity),
      orders: Number(favourite.orders),
    })),
    nextBestProducts: nextBest.map((product) => ({
      productId: product.product_id,
      name: product.name,
      score: product.score,
      reason: nextProductReason(locale, product.reason, product.evidence),
    })),
  }
}
