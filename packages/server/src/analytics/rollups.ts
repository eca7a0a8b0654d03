import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'

type Db = Kysely<Database>

// Each local day as an instant range: midnight to midnight in the project's
// zone, so days of 23 or 25 hours (DST) are cut where the user expects.
function dayBounds(days: readonly string[], timezone: string) {
  return sql`
    select d as day, (d::timestamp at time zone ${timezone}) as start_at, ((d + 1)::timestamp at time zone ${timezone}) as end_at
    from unnest(${days}::date[]) as d
  `
}

/**
 * Recomputes the daily rollups of these days from the orders and refunds.
 * Recomputing a day from its source rows (rather than applying deltas) keeps
 * rollups right whatever order updates, refunds and retries arrive in.
 */
export async function rebuildDays(db: Db, project: ProjectRow, days: readonly string[]): Promise<void> {
  if (days.length === 0) return
  const p = project.id
  const cur = project.currency
  await sql`delete from daily_sales where project_id = ${p} and day = any(${days}::date[])`.execute(db)
  await sql`delete from daily_product_sales where project_id = ${p} and day = any(${days}::date[])`.execute(db)
  await sql`delete from daily_customer_sales where project_id = ${p} and day = any(${days}::date[])`.execute(db)
  await sql`delete from daily_other_currency_orders where project_id = ${p} and day = any(${days}::date[])`.execute(db)
  await sql`
    insert into daily_sales (project_id, day, gross_minor, refunds_minor, guest_gross_minor, orders, items_sold, items_returned)
    with b as (${dayBounds(days, project.timezone)}),
    o as (
      select b.day, sum(p.amount_minor) as gross, count(*) as orders,
        coalesce(sum(p.amount_minor) filter (where p.customer_id is null), 0) as guest,
        coalesce(sum((select sum(i.quantity) from purchase_items i where i.project_id = p.project_id and i.order_id = p.order_id)), 0) as items
      from b join purchases p on p.project_id = ${p} and p.currency = ${cur} and p.ordered_at >= b.start_at and p.ordered_at < b.end_at
      group by b.day
    ),
    refunded_orders as (
      select b.day, sum(p.amount_minor) as amount,
        coalesce(sum((select sum(i.quantity) from purchase_items i where i.project_id = p.project_id and i.order_id = p.order_id)), 0) as items
      from b join purchases p on p.project_id = ${p} and p.currency = ${cur} and p.status = 'refunded'
        and p.refunded_at >= b.start_at and p.refunded_at < b.end_at
      group by b.day
    ),
    refund_docs as (
      select b.day, sum(f.amount_minor) as amount,
        coalesce(sum((select sum(i.quantity) from refund_items i where i.project_id = f.project_id and i.refund_id = f.refund_id)), 0) as items
      from b join refunds f on f.project_id = ${p} and f.currency = ${cur} and f.refunded_at >= b.start_at and f.refunded_at < b.end_at
      group by b.day
    )
    select ${p}::uuid, b.day,
      coalesce(o.gross, 0), coalesce(ro.amount, 0) + coalesce(rd.amount, 0), coalesce(o.guest, 0),
      coalesce(o.orders, 0), coalesce(o.items, 0), coalesce(ro.items, 0) + coalesce(rd.items, 0)
    from b
    left join o on o.day = b.day
    left join refunded_orders ro on ro.day = b.day
    left join refund_docs rd on rd.day = b.day
    where o.day is not null or ro.day is not null or rd.day is not null
  `.execute(db)
  await sql`
    insert into daily_product_sales (project_id, day, product_id, name, gross_e4, refunds_e4, quantity, returned_quantity, orders)
    with b as (${dayBounds(days, project.timezone)}),
    lines as (
      select b.day, i.product_id, i.name, i.quantity::bigint * coalesce(i.unit_price_e4, 0) as gross_e4, 0::bigint as refunds_e4,
        i.quantity::bigint as quantity, 0::bigint as returned, p.order_id
      from b join purchases p on p.project_id = ${p} and p.currency = ${cur} and p.ordered_at >= b.start_at and p.ordered_at < b.end_at
      join purchase_items i on i.project_id = p.project_id and i.order_id = p.order_id
      union all
      select b.day, i.product_id, i.name, 0, i.quantity::bigint * coalesce(i.unit_price_e4, 0), 0, i.quantity, null
      from b join purchases p on p.project_id = ${p} and p.currency = ${cur} and p.status = 'refunded'
        and p.refunded_at >= b.start_at and p.refunded_at < b.end_at
      join purchase_items i on i.project_id = p.project_id and i.order_id = p.order_id
      union all
      select b.day, i.product_id, i.name, 0, i.quantity::bigint * coalesce(i.unit_price_e4, 0), 0, i.quantity, null
      from b join refunds f on f.project_id = ${p} and f.currency = ${cur} and f.refunded_at >= b.start_at and f.refunded_at < b.end_at
      join refund_items i on i.project_id = f.project_id and i.refund_id = f.refund_id
    )
    select ${p}::uuid, day, product_id, max(name), sum(gross_e4), sum(refunds_e4), sum(quantity), sum(returned), count(distinct order_id)::int
    from lines
    group by day, product_id
  `.execute(db)
  await rebuildCustomerDays(db, project, days)
}

/**
 * Per customer and day: orders and their amount, and money given back that day
 * (refund documents and refunded orders, against the refund's customer), as
 * the report's customer figures count them.
 */
async function rebuildCustomerDays(db: Db, project: ProjectRow, days: readonly string[]): Promise<void> {
  const p = project.id
  const cur = project.currency
  await sql`
    insert into daily_customer_sales (project_id, day, customer_id, orders, gross_minor, refunds_minor)
    with b as (${dayBounds(days, project.timezone)}),
    money as (
      select b.day, p.customer_id, 1 as orders, p.amount_minor as gross, 0::bigint as refunds
      from b join purchases p on p.project_id = ${p} and p.currency = ${cur} and p.customer_id is not null
        and p.ordered_at >= b.start_at and p.ordered_at < b.end_at
      union all
      select b.day, p.customer_id, 0, 0, p.amount_minor
      from b join purchases p on p.project_id = ${p} and p.currency = ${cur} and p.status = 'refunded' and p.customer_id is not null
        and p.refunded_at >= b.start_at and p.refunded_at < b.end_at
      union all
      select b.day, f.customer_id, 0, 0, f.amount_minor
      from b join refunds f on f.project_id = ${p} and f.currency = ${cur} and f.customer_id is not null
        and f.refunded_at >= b.start_at and f.refunded_at < b.end_at
    )
    select ${p}::uuid, day, customer_id, sum(orders)::int, sum(gross), sum(refunds)
    from money
    group by day, customer_id
  `.execute(db)
  await sql`
    insert into daily_other_currency_orders (project_id, day, orders)
    with b as (${dayBounds(days, project.timezone)})
    select ${p}::uuid, b.day, count(*)::int
    from b join purchases p on p.project_id = ${p} and p.currency <> ${cur} and p.ordered_at >= b.start_at and p.ordered_at < b.end_at
    group by b.day
  `.execute(db)
}

/** Re-sums the monthly product and customer rows of the months containing these days. */
export async function rebuildMonths(db: Db, project: ProjectRow, days: readonly string[]): Promise<void> {
  const months = [...new Set(days.map((day) => `${day.slice(0, 7)}-01`))]
  if (months.length === 0) return
  const p = project.id
  await sql`delete from monthly_product_sales where project_id = ${p} and month = any(${months}::date[])`.execute(db)
  await sql`
    insert into monthly_product_sales (project_id, month, product_id, name, gross_e4, refunds_e4, quantity, returned_quantity, orders)
    select ${p}::uuid, m.month, d.product_id, max(d.name), sum(d.gross_e4), sum(d.refunds_e4), sum(d.quantity), sum(d.returned_quantity), sum(d.orders)::int
    from unnest(${months}::date[]) as m(month)
    join daily_product_sales d on d.project_id = ${p} and d.day >= m.month and d.day < (m.month + interval '1 month')::date
    group by m.month, d.product_id
  `.execute(db)
  await sql`delete from monthly_customer_sales where project_id = ${p} and month = any(${months}::date[])`.execute(db)
  await sql`
    insert into monthly_customer_sales (project_id, month, customer_id, orders, gross_minor, refunds_minor)
    select ${p}::uuid, m.month, d.customer_id, sum(d.orders)::int, sum(d.gross_minor), sum(d.refunds_minor)
    from unnest(${months}::date[]) as m(month)
    join daily_customer_sales d on d.project_id = ${p} and d.day >= m.month and d.day < (m.month + interval '1 month')::date
    group by m.month, d.customer_id
  `.execute(db)
}

/** Every local day that has an order or a refund (to rebuild all rollups, e.g. after a time zone change). */
export async function allActiveDays(db: Db, project: ProjectRow): Promise<string[]> {
  const result = await sql<{ day: string }>`
    select distinct (t at time zone ${project.timezone})::date::text as day from (
      select ordered_at as t from purchases where project_id = ${project.id}
      union all select refunded_at from purchases where project_id = ${project.id} and refunded_at is not null
      union all select refunded_at from refunds where project_id = ${project.id}
    ) as s
  `.execute(db)
  return result.rows.map((row) => row.day)
}

/**
 * Marks every day of a project changed, so the next read rebuilds all its rollups:
 * the days rollups hold now and the days with activity in the project's current
 * zone (after a time zone change the two differ, and stale days must be emptied).
 */
export async function markAllDaysChanged(db: Db, project: ProjectRow): Promise<void> {
  const active = await allActiveDays(db, project)
  await sql`
    insert into analytics_changes (project_id, day)
    select ${project.id}::uuid, day from (
      select unnest(${active}::date[]) as day
      union select day from daily_sales where project_id = ${project.id}
      union select day from daily_product_sales where project_id = ${project.id}
      union select day from daily_customer_sales where project_id = ${project.id}
      union select day from daily_other_currency_orders where project_id = ${project.id}
    ) as d
  `.execute(db)
}
