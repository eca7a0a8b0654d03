import type { Interval } from '@rapport/shared'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'

type Db = Kysely<Database>
type Num = string | number | bigint | null

/** A local date's midnight in the project's zone, as an instant. */
export function localMidnight(date: string, timezone: string): RawBuilder<Date> {
  return sql<Date>`(${date}::date::timestamp at time zone ${timezone})`
}

export interface Period {
  from: string
  to: string
}

export interface SalesRow {
  bucket: string
  gross: Num
  refunds: Num
  guest: Num
  orders: Num
  items_sold: Num
  items_returned: Num
}

/** Daily rollups summed per interval (or over the whole period when `interval` is null). */
export async function salesByInterval(db: Db, project: ProjectRow, period: Period, interval: Interval | null): Promise<SalesRow[]> {
  const bucket = interval === null ? sql`${period.from}::text` : sql`date_trunc(${interval}, day::timestamp)::date::text`
  const result = await sql<SalesRow>`
    select ${bucket} as bucket, sum(gross_minor) as gross, sum(refunds_minor) as refunds, sum(guest_gross_minor) as guest,
      sum(orders) as orders, sum(items_sold) as items_sold, sum(items_returned) as items_returned
    from daily_sales
    where project_id = ${project.id} and day >= ${period.from}::date and day < ${period.to}::date
    group by 1
  `.execute(db)
  return result.rows
}

export interface CustomerFiguresRow {
  bucket: string
  paying: Num
  new_customers: Num
  repeat_customers: Num
  known_gross: Num
}

/** The first whole month inside a period and the start of the month holding its end. */
function wholeMonths(period: Period): { firstWhole: string; endWhole: string } {
  return { firstWhole: period.from.endsWith('-01') ? period.from : nextMonth(period.from), endWhole: `${period.to.slice(0, 7)}-01` }
}

/**
 * One row per interval and customer with an order or a refund in it (`bucket`
 * is the interval's start, or the period's `from` when `interval` is null), from
 * the customer rollups: monthly rows for the whole months inside the period and
 * daily rows for the days at its edges; day and week intervals read daily rows.
 * Monthly rows are already one per month and customer, so only daily rows are grouped.
 */
function customerRows(project: ProjectRow, period: Period, interval: Interval | null) {
  const { firstWhole, endWhole } = wholeMonths(period)
  const columns = sql`customer_id, sum(orders) as orders, sum(gross_minor) as gross_minor, sum(refunds_minor) as refunds_minor`
  const inPeriod = sql`project_id = ${project.id} and day >= ${period.from}::date and day < ${period.to}::date`
  if (interval === 'day') {
    return sql`select day as bucket, customer_id, orders, gross_minor, refunds_minor from daily_customer_sales where ${inPeriod}`
  }
  const dayBucket = interval === null ? sql`${period.from}::date` : sql`date_trunc(${interval}, day::timestamp)::date`
  const days = (where: RawBuilder<unknown>) => sql`select ${dayBucket} as bucket, ${columns} from daily_customer_sales where ${where} group by 1, 2`
  if (interval === 'week' || firstWhole >= endWhole) return days(inPeriod)
  const months = sql`select month as bucket, customer_id, orders, gross_minor, refunds_minor from monthly_customer_sales
    where project_id = ${project.id} and month >= ${firstWhole}::date and month < ${endWhole}::date`
  const edges = days(sql`project_id = ${project.id}
    and ((day >= ${period.from}::date and day < ${firstWhole}::date) or (day >= ${endWhole}::date and day < ${period.to}::date))`)
  // A partial month at an edge is a bucket of its own, apart from the whole months.
  if (interval === 'month') return sql`${months} union all ${edges}`
  return sql`select ${period.from}::date as bucket, ${columns} from (${months} union all ${edges}) as rows group by customer_id`
}

/**
 * Paying, new and repeat customers per interval (or over the whole period when
 * `interval` is null), from the customer rollups: a customer pays in an interval
 * when they ordered in it, is new when their first purchase falls in it, and
 * repeats with two orders in it or a first purchase before it.
 */
export async function customersByInterval(db: Db, project: ProjectRow, period: Period, interval: Interval | null): Promise<CustomerFiguresRow[]> {
  const tz = project.timezone
  const fromAt = localMidnight(period.from, tz)
  // An interval's first instant inside the period.
  const start = interval === null ? fromAt : sql`greatest((o.bucket::timestamp at time zone ${tz}), ${fromAt})`
  const result = await sql<CustomerFiguresRow>`
    with o as (
      select bucket, customer_id, orders as n, gross_minor as gross
      from (${customerRows(project, period, interval)}) as rows
      where orders > 0
    )
    select o.bucket::text as bucket, count(*) as paying, sum(o.gross) as known_gross,
      count(*) filter (where c.first_purchase_at >= ${start}) as new_customers,
      count(*) filter (where o.n >= 2 or c.first_purchase_at < ${start}) as repeat_customers
    from o join customers c on c.project_id = ${project.id} and c.customer_id = o.customer_id
    group by o.bucket
  `.execute(db)
  return result.rows
}

export interface ProductRow {
  product_id: string
  name: string | null
  gross_e4: Num
  refunds_e4: Num
  quantity: Num
  returned_quantity: Num
  orders: Num
  rank_net: Num
  rank_quantity: Num
  rank_orders: Num
}

/**
 * Product rows of a period: monthly rollups for the whole months inside it,
 * daily rollups for the days at its edges.
 */
function productRows(project: ProjectRow, period: Period) {
  const { firstWhole, endWhole } = wholeMonths(period)
  if (firstWhole >= endWhole) {
    return sql`select product_id, name, gross_e4, refunds_e4, quantity, returned_quantity, orders from daily_product_sales
      where project_id = ${project.id} and day >= ${period.from}::date and day < ${period.to}::date`
  }
  return sql`
    select product_id, name, gross_e4, refunds_e4, quantity, returned_quantity, orders from monthly_product_sales
    where project_id = ${project.id} and month >= ${firstWhole}::date and month < ${endWhole}::date
    union all
    select product_id, name, gross_e4, refunds_e4, quantity, returned_quantity, orders from daily_product_sales
    where project_id = ${project.id} and ((day >= ${period.from}::date and day < ${firstWhole}::date) or (day >= ${endWhole}::date and day < ${period.to}::date))
  `
}

function nextMonth(date: string): string {
  const [year = 0, month = 1] = date.split('-').map(Number)
  const next = new Date(Date.UTC(year, month, 1))
  return next.toISOString().slice(0, 10)
}

/** Products of the period from the product rollups, with their rank by net revenue, units and orders. */
export async function productStats(db: Db, project: ProjectRow, period: Period, limit: number): Promise<ProductRow[]> {
  const result = await sql<ProductRow>`
    with agg as (
      select product_id, max(name) as name, sum(gross_e4) as gross_e4, sum(refunds_e4) as refunds_e4,
        sum(quantity) as quantity, sum(returned_quantity) as returned_quantity, sum(orders) as orders
      from (${productRows(project, period)}) as rows
      group by product_id
    ),
    ranked as (
      select agg.*,
        row_number() over (order by gross_e4 - refunds_e4 desc, product_id) as rank_net,
        row_number() over (order by quantity desc, product_id) as rank_quantity,
        row_number() over (order by orders desc, product_id) as rank_orders
      from agg
    )
    select * from ranked where rank_net <= ${limit} or rank_quantity <= ${limit} or rank_orders <= ${limit}
  `.execute(db)
  return result.rows
}

/** Every product of the period with its net revenue and orders (for trends' movers). */
export async function allProductStats(db: Db, project: ProjectRow, period: Period): Promise<Array<{ product_id: string; name: string | null; net_e4: Num; orders: Num }>> {
  const result = await sql<{ product_id: string; name: string | null; net_e4: Num; orders: Num }>`
    select product_id, max(name) as name, sum(gross_e4 - refunds_e4) as net_e4, sum(orders) as orders
    from (${productRows(project, period)}) as rows
    group by product_id
  `.execute(db)
  return result.rows
}

/** Money given back in the period, one row per refund document or refunded order, with who and what it belongs to. */
function refundsInPeriod(project: ProjectRow, period: Period) {
  const fromAt = localMidnight(period.from, project.timezone)
  const toAt = localMidnight(period.to, project.timezone)
  return sql`
    select f.customer_id, f.amount_minor, coalesce(f.country, lo.country) as country, lo.channel, lo.source
    from refunds f
    left join purchases lo on lo.project_id = f.project_id and lo.order_id = f.order_id
    where f.project_id = ${project.id} and f.currency = ${project.currency} and f.refunded_at >= ${fromAt} and f.refunded_at < ${toAt}
    union all
    select p.customer_id, p.amount_minor, p.country, p.channel, p.source
    from purchases p
    where p.project_id = ${project.id} and p.currency = ${project.currency} and p.status = 'refunded'
      and p.refunded_at >= ${fromAt} and p.refunded_at < ${toAt}
  `
}

export interface TopCustomerRow {
  customer_id: string
  name: string | null
  email: string | null
  net: Num
  orders: Num
}

/** Customers by net revenue in the period (orders less refunds given back in it), from the customer rollups. */
export async function topCustomers(db: Db, project: ProjectRow, period: Period, limit: number): Promise<TopCustomerRow[]> {
  const result = await sql<TopCustomerRow>`
    with per as (
      select customer_id, gross_minor - refunds_minor as net, orders
      from (${customerRows(project, period, null)}) as rows
    )
    select per.customer_id, c.name, c.email, per.net, per.orders
    from per join customers c on c.project_id = ${project.id} and c.customer_id = per.customer_id
    order by per.net desc, per.customer_id
    limit ${limit}
  `.execute(db)
  return result.rows
}

export interface BreakdownSqlRow {
  value: string | null
  gross: Num
  refunds: Num
  orders: Num
  customers: Num
}

/** Revenue by a purchase field or a customer trait; refunds follow their order's field or their customer's trait. */
export async function breakdown(db: Db, project: ProjectRow, period: Period, by: string): Promise<BreakdownSqlRow[]> {
  const fromAt = localMidnight(period.from, project.timezone)
  const toAt = localMidnight(period.to, project.timezone)
  const trait = by.startsWith('trait:') ? by.slice('trait:'.length) : null
  const column = trait === null ? (by as 'country' | 'channel' | 'source') : null
  const saleValue = column === null ? sql`c.traits ->> ${trait}` : sql.ref(`p.${column}`)
  const refundValue = column === null ? sql`c.traits ->> ${trait}` : sql.ref(`r.${column}`)
  const result = await sql<BreakdownSqlRow>`
    with sales as (
      select ${saleValue} as value, sum(p.amount_minor) as gross, count(*) as orders, count(distinct p.customer_id) as customers
      from purchases p
      left join customers c on c.project_id = p.project_id and c.customer_id = p.customer_id
      where p.project_id = ${project.id} and p.currency = ${project.currency} and p.ordered_at >= ${fromAt} and p.ordered_at < ${toAt}
      group by 1
    ),
    back as (
      select ${refundValue} as value, sum(r.amount_minor) as refunds
      from (${refundsInPeriod(project, period)}) r
      left join customers c on c.project_id = ${project.id} and c.customer_id = r.customer_id
      group by 1
    )
    select value, sum(gross) as gross, sum(refunds) as refunds, sum(orders) as orders, sum(customers) as customers
    from (
      select value, gross, 0 as refunds, orders, customers from sales
      union all
      select value, 0, refunds, 0, 0 from back
    ) as u
    group by value
  `.execute(db)
  return result.rows
}

export interface CohortSqlRow {
  cohort: string
  month: string
  size: Num
  active: Num
  net: Num
}

/**
 * Customers by month of first order (within the period) and their activity and
 * net revenue in each later month up to `to`, from the customer rollups: whole
 * months from the monthly rows, the days of `to`'s month before it from the daily ones.
 */
export async function cohorts(db: Db, project: ProjectRow, period: Period): Promise<CohortSqlRow[]> {
  const tz = project.timezone
  const fromAt = localMidnight(period.from, tz)
  const toAt = localMidnight(period.to, tz)
  const firstMonth = `${period.from.slice(0, 7)}-01`
  const { endWhole } = wholeMonths(period)
  // `rows` holds one row per customer and month (the days of `to`'s month are grouped apart from the whole months).
  const result = await sql<CohortSqlRow>`
    with members as (
      select customer_id, date_trunc('month', first_purchase_at at time zone ${tz})::date as cohort
      from customers
      where project_id = ${project.id} and first_purchase_at >= ${fromAt} and first_purchase_at < ${toAt}
    ),
    sizes as (select cohort, count(*) as size from members group by cohort),
    rows as (
      select month, customer_id, orders, gross_minor - refunds_minor as net
      from monthly_customer_sales
      where project_id = ${project.id} and month >= ${firstMonth}::date and month < ${endWhole}::date
      union all
      select ${endWhole}::date, customer_id, sum(orders), sum(gross_minor - refunds_minor)
      from daily_customer_sales
      where project_id = ${project.id} and day >= ${endWhole}::date and day < ${period.to}::date
      group by customer_id
    ),
    money as (
      select m.cohort, r.month, count(*) filter (where r.orders > 0) as active, sum(r.net) as net
      from members m join rows r on r.customer_id = m.customer_id
      where r.month >= m.cohort
      group by m.cohort, r.month
    )
    select money.cohort::text as cohort, money.month::text as month, s.size, money.active, money.net
    from money join sizes s on s.cohort = money.cohort
    order by 1, 2
  `.execute(db)
  return result.rows
}

/** Orders in the period in other currencies than the project's (left out of every figure), from their daily counts. */
export async function otherCurrencyOrders(db: Db, project: ProjectRow, period: Period): Promise<number> {
  const row = await sql<{ n: Num }>`
    select sum(orders) as n from daily_other_currency_orders
    where project_id = ${project.id} and day >= ${period.from}::date and day < ${period.to}::date
  `.execute(db)
  return Number(row.rows[0]?.n ?? 0)
}

export interface ProfileRow {
  slot: Num
  net: Num
  orders: Num
}

/** Net revenue and orders by ISO weekday (1–7) or hour (0–23) in the project's zone; refunds count when they happen. */
export async function timeProfile(db: Db, project: ProjectRow, period: Period, part: 'isodow' | 'hour'): Promise<ProfileRow[]> {
  const tz = project.timezone
  const fromAt = localMidnight(period.from, tz)
  const toAt = localMidnight(period.to, tz)
  const field = sql.raw(part)
  const result = await sql<ProfileRow>`
    select slot, sum(amount) as net, sum(orders) as orders from (
      select extract(${field} from p.ordered_at at time zone ${tz})::int as slot, p.amount_minor as amount, 1 as orders
      from purchases p
      where p.project_id = ${project.id} and p.currency = ${project.currency} and p.ordered_at >= ${fromAt} and p.ordered_at < ${toAt}
      union all
      select extract(${field} from f.refunded_at at time zone ${tz})::int, -f.amount_minor, 0
      from refunds f
      where f.project_id = ${project.id} and f.currency = ${project.currency} and f.refunded_at >= ${fromAt} and f.refunded_at < ${toAt}
      union all
      select extract(${field} from p.refunded_at at time zone ${tz})::int, -p.amount_minor, 0
      from purchases p
      where p.project_id = ${project.id} and p.currency = ${project.currency} and p.status = 'refunded'
        and p.refunded_at >= ${fromAt} and p.refunded_at < ${toAt}
    ) as u
    group by slot
  `.execute(db)
  return result.rows
}
