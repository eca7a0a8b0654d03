import {
  type Customer,
  type CustomerDetail,
  type CustomerListInput,
  type CustomerPage,
  currencyExponent,
  customerListInputSchema,
  formatMinorUnits,
  LIMITS,
  type PurchaseRecord,
  type TimelineEntry,
  type TraitValue,
} from '@rapport/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { AppError } from '../errors.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { decodeCursor, encodeCursor } from './customer-cursor.js'
import {
  type CustomerRow,
  customerInteractions,
  customerPurchases,
  findCustomer,
  listCustomers,
  purchaseItems,
  SORT_COLUMN,
  type SortValue,
} from './customer.repository.js'

const DETAIL_LIMIT = 500

function toCustomer(row: CustomerRow, project: ProjectRow): Customer {
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
      netSpent: formatMinorUnits(row.net_spent_minor, currencyExponent(project.currency)),
      currency: project.currency,
      firstPurchaseAt: row.first_purchase_at?.toISOString() ?? null,
      lastPurchaseAt: row.last_purchase_at?.toISOString() ?? null,
    },
  }
}

export async function listCustomerPage(db: Kysely<Database>, project: ProjectRow, input: CustomerListInput): Promise<CustomerPage> {
  const query = customerListInputSchema.parse(input)
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.sort, query.order)
  const rows = await listCustomers(db, project.id, {
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
  return { items: page.map((row) => toCustomer(row, project)), nextCursor }
}

function formatUnitPrice(e4: bigint | null): string | null {
  return e4 === null ? null : formatMinorUnits(e4, LIMITS.unitPriceDecimals).replace(/\.?0+$/, '')
}

export async function getCustomerDetail(db: Kysely<Database>, project: ProjectRow, customerId: string): Promise<CustomerDetail> {
  const row = await findCustomer(db, project.id, customerId)
  if (!row) throw new AppError('not_found', 'No customer with this id in the project')
  const [purchases, interactions] = await Promise.all([
    customerPurchases(db, project.id, customerId, DETAIL_LIMIT),
    customerInteractions(db, project.id, customerId, DETAIL_LIMIT),
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
        : [{ kind: 'refund' as const, at: record.refundedAt, orderId: record.orderId, amount: record.amount, currency: record.currency }],
    ),
    ...interactions.map((interaction) => ({
      kind: 'interaction' as const,
      at: interaction.occurred_at.toISOString(),
      name: interaction.name,
      properties: interaction.properties,
    })),
  ]
  timeline.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  return { customer: toCustomer(row, project), purchases: records, timeline: timeline.slice(0, DETAIL_LIMIT) }
}
