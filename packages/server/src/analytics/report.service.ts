import {
  type Change,
  type Cohort,
  currencyExponent,
  formatMinorUnits,
  type Interval,
  type ProductStat,
  type Report,
  type ReportFigures,
  type ReportInput,
  type ReportPoint,
  reportInputSchema,
} from '@rapport/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { addMonths, buckets, daysBetween, addDays } from './calendar.js'
import { divRound, e4ToMinor, toBigInt, toCount } from './money.js'
import { refreshAnalytics } from './refresh-analytics.js'
import {
  breakdown,
  type CustomerFiguresRow,
  cohorts as cohortRows,
  customersByInterval,
  otherCurrencyOrders,
  type Period,
  productStats,
  type ProductRow,
  type SalesRow,
  salesByInterval,
  topCustomers,
} from './report.repository.js'

type Db = Kysely<Database>

/** Exact figures in minor units, before formatting. */
export interface RawFigures {
  gross: bigint
  refunds: bigint
  guest: bigint
  orders: number
  itemsSold: number
  itemsReturned: number
  paying: number
  newCustomers: number
  repeatCustomers: number
  knownGross: bigint
}

function rawFigures(sales: SalesRow | undefined, customers: CustomerFiguresRow | undefined): RawFigures {
  return {
    gross: toBigInt(sales?.gross),
    refunds: toBigInt(sales?.refunds),
    guest: toBigInt(sales?.guest),
    orders: toCount(sales?.orders),
    itemsSold: toCount(sales?.items_sold),
    itemsReturned: toCount(sales?.items_returned),
    paying: toCount(customers?.paying),
    newCustomers: toCount(customers?.new_customers),
    repeatCustomers: toCount(customers?.repeat_customers),
    knownGross: toBigInt(customers?.known_gross),
  }
}

function figures(raw: RawFigures, exponent: number): ReportFigures {
  const money = (minor: bigint) => formatMinorUnits(minor, exponent)
  return {
    grossRevenue: money(raw.gross),
    refunds: money(raw.refunds),
    netRevenue: money(raw.gross - raw.refunds),
    orders: raw.orders,
    itemsSold: raw.itemsSold,
    itemsReturned: raw.itemsReturned,
    averageOrderValue: money(divRound(raw.gross, BigInt(raw.orders))),
    payingCustomers: raw.paying,
    newCustomers: raw.newCustomers,
    returningCustomers: raw.paying - raw.newCustomers,
    repeatPurchaseRate: raw.paying === 0 ? 0 : raw.repeatCustomers / raw.paying,
    revenuePerCustomer: money(divRound(raw.knownGross, BigInt(raw.paying))),
    guestRevenue: money(raw.guest),
  }
}

/** Totals and series of a period, exact. */
export async function periodFigures(db: Db, project: ProjectRow, period: Period, interval: Interval) {
  const [sales, customers, salesTotal, customersTotal] = await Promise.all([
    salesByInterval(db, project, period, interval),
    customersByInterval(db, project, period, interval),
    salesByInterval(db, project, period, null),
    customersByInterval(db, project, period, null),
  ])
  const salesBy = new Map(sales.map((row) => [row.bucket, row]))
  const customersBy = new Map(customers.map((row) => [row.bucket, row]))
  const series = buckets(period.from, period.to, interval).map((bucket) => ({
    start: bucket.start,
    end: bucket.end,
    raw: rawFigures(salesBy.get(bucket.key), customersBy.get(bucket.key)),
  }))
  return { totals: rawFigures(salesTotal[0], customersTotal[0]), series }
}

function change(current: number | bigint, previous: number | bigint, exponent: number | null): Change {
  const diff = typeof current === 'bigint' && typeof previous === 'bigint' ? current - previous : Number(current) - Number(previous)
  const base = Number(previous)
  const absolute =
    typeof diff === 'bigint' ? formatMinorUnits(diff, exponent ?? 0) : exponent === null ? String(Math.round(diff * 1e6) / 1e6) : String(diff)
  return { absolute, relative: base === 0 ? null : Number(diff) / Math.abs(base) }
}

function figureChanges(current: RawFigures, previous: RawFigures, exponent: number): Record<string, Change> {
  const aov = (raw: RawFigures) => divRound(raw.gross, BigInt(raw.orders))
  const rpc = (raw: RawFigures) => divRound(raw.knownGross, BigInt(raw.paying))
  const rate = (raw: RawFigures) => (raw.paying === 0 ? 0 : raw.repeatCustomers / raw.paying)
  return {
    grossRevenue: change(current.gross, previous.gross, exponent),
    refunds: change(current.refunds, previous.refunds, exponent),
    netRevenue: change(current.gross - current.refunds, previous.gross - previous.refunds, exponent),
    orders: change(current.orders, previous.orders, 0),
    itemsSold: change(current.itemsSold, previous.itemsSold, 0),
    itemsReturned: change(current.itemsReturned, previous.itemsReturned, 0),
    averageOrderValue: change(aov(current), aov(previous), exponent),
    payingCustomers: change(current.paying, previous.paying, 0),
    newCustomers: change(current.newCustomers, previous.newCustomers, 0),
    returningCustomers: change(current.paying - current.newCustomers, previous.paying - previous.newCustomers, 0),
    repeatPurchaseRate: change(rate(current), rate(previous), null),
    revenuePerCustomer: change(rpc(current), rpc(previous), exponent),
    guestRevenue: change(current.guest, previous.guest, exponent),
  }
}

/** The comparison period: the same length just before, or the same dates a year earlier. */
export function comparisonPeriod(period: Period, kind: 'previous_period' | 'previous_year'): Period {
  if (kind === 'previous_year') return { from: addMonths(period.from, -12), to: addMonths(period.to, -12) }
  const days = daysBetween(period.from, period.to)
  return { from: addDays(period.from, -days), to: period.from }
}

function productStat(row: ProductRow, exponent: number): ProductStat {
  const gross = toBigInt(row.gross_e4)
  const refunds = toBigInt(row.refunds_e4)
  return {
    productId: row.product_id,
    name: row.name,
    grossRevenue: formatMinorUnits(e4ToMinor(gross, exponent), exponent),
    refunds: formatMinorUnits(e4ToMinor(refunds, exponent), exponent),
    netRevenue: formatMinorUnits(e4ToMinor(gross - refunds, exponent), exponent),
    quantity: toCount(row.quantity),
    returnedQuantity: toCount(row.returned_quantity),
    orders: toCount(row.orders),
  }
}

function cohortMatrix(rows: Awaited<ReturnType<typeof cohortRows>>, exponent: number): Cohort[] {
  const byCohort = new Map<string, Cohort>()
  for (const row of rows) {
    const size = toCount(row.size)
    let cohort = byCohort.get(row.cohort)
    if (!cohort) {
      cohort = { cohort: row.cohort.slice(0, 7), customers: size, months: [] }
      byCohort.set(row.cohort, cohort)
    }
    const offset = monthsBetween(row.cohort, row.month)
    const active = toCount(row.active)
    cohort.months.push({ offset, activeCustomers: active, retention: size === 0 ? 0 : active / size, netRevenue: formatMinorUnits(toBigInt(row.net), exponent) })
  }
  return [...byCohort.values()]
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  return ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 0) - (fm ?? 0))
}

/** `insights.report`: sales, customers, products, breakdown and cohorts of a period, exact to the minor unit. */
export async function buildReport(db: Db, project: ProjectRow, input: ReportInput): Promise<Report> {
  const query = reportInputSchema.parse(input)
  await refreshAnalytics(db, project)
  const exponent = currencyExponent(project.currency)
  const period: Period = { from: query.from, to: query.to }
  const compared = query.compareTo === undefined ? null : comparisonPeriod(period, query.compareTo)

  const [current, previous, products, customers, split, cohortData, foreign] = await Promise.all([
    periodFigures(db, project, period, query.interval),
    compared === null ? null : periodFigures(db, project, compared, query.interval),
    productStats(db, project, period, query.limit),
    topCustomers(db, project, period, query.limit),
    query.breakdownBy === undefined ? null : breakdown(db, project, period, query.breakdownBy),
    cohortRows(db, project, period),
    otherCurrencyOrders(db, project, period),
  ])

  const toPoint = (point: { start: string; end: string; raw: RawFigures }): ReportPoint => ({
    start: point.start,
    end: point.end,
    ...figures(point.raw, exponent),
  })
  const ranked = (key: 'rank_net' | 'rank_quantity' | 'rank_orders') =>
    products
      .filter((row) => toCount(row[key]) <= query.limit)
      .sort((a, b) => toCount(a[key]) - toCount(b[key]))
      .map((row) => productStat(row, exponent))
  const net = current.totals.gross - current.totals.refunds
  const notes: string[] = []
  if (foreign > 0) notes.push(`${foreign} orders in other currencies than ${project.currency} are left out (no currency conversion).`)

  return {
    currency: project.currency,
    timezone: project.timezone,
    from: query.from,
    to: query.to,
    interval: query.interval,
    totals: figures(current.totals, exponent),
    series: current.series.map(toPoint),
    comparison:
      compared === null || previous === null || query.compareTo === undefined
        ? null
        : {
            kind: query.compareTo,
            from: compared.from,
            to: compared.to,
            totals: figures(previous.totals, exponent),
            series: previous.series.map(toPoint),
            change: figureChanges(current.totals, previous.totals, exponent),
          },
    topProducts: { byNetRevenue: ranked('rank_net'), byQuantity: ranked('rank_quantity'), byOrders: ranked('rank_orders') },
    topCustomers: customers.map((row) => ({
      customerId: row.customer_id,
      name: row.name,
      email: row.email,
      netRevenue: formatMinorUnits(toBigInt(row.net), exponent),
      orders: toCount(row.orders),
    })),
    breakdown:
      split === null || query.breakdownBy === undefined
        ? null
        : {
            by: query.breakdownBy,
            rows: split
              .map((row) => {
                const rowNet = toBigInt(row.gross) - toBigInt(row.refunds)
                return {
                  value: row.value,
                  grossRevenue: formatMinorUnits(toBigInt(row.gross), exponent),
                  refunds: formatMinorUnits(toBigInt(row.refunds), exponent),
                  netRevenue: formatMinorUnits(rowNet, exponent),
                  orders: toCount(row.orders),
                  customers: toCount(row.customers),
                  share: net === 0n ? null : Number(rowNet) / Number(net),
                  sortKey: rowNet,
                }
              })
              .sort((a, b) => (a.sortKey > b.sortKey ? -1 : a.sortKey < b.sortKey ? 1 : 0))
              .slice(0, query.limit)
              .map(({ sortKey: _, ...row }) => row),
          },
    cohorts: cohortMatrix(cohortData, exponent),
    notes,
  }
}
