import { sql } from 'kysely'
import { addDays } from '../calendar.js'
import { toBigInt, toCount } from '../money.js'
import { localMidnight } from '../report.repository.js'
import { type Draft, percent, type RecommendationContext } from './draft.js'

/** Quiet for at least this long, and at least twice the customer's usual gap between orders. */
const MIN_QUIET_DAYS = 45
/** Customers listed (the most valuable first). */
const MAX_TARGETS = 200
const WINDOW_DAYS = 30

interface OverdueRow {
  customer_id: string
  name: string | null
  orders: number | string
  spent: string | bigint
  quiet_days: number | string
  p_alive: number | null
  returned: boolean
  window_spent: string | bigint
}

/**
 * Valuable repeat customers (net spent at least the median repeat customer's) gone quiet for
 * twice their usual gap between orders (at least 45 days), but not gone for over a year: as of
 * `cut`, and what they spent in the 30 days after it.
 */
async function overdueCustomers(context: RecommendationContext, cutDay: string): Promise<OverdueRow[]> {
  const { db, project } = context
  const cut = localMidnight(cutDay, project.timezone)
  const result = await sql<OverdueRow>`
    with hist as (
      select customer_id, count(*)::int as orders, min(ordered_at) as first_at, max(ordered_at) as last_at, sum(amount_minor) as spent
      from purchases
      where project_id = ${project.id} and status = 'completed' and customer_id is not null
        and currency = ${project.currency} and ordered_at < ${cut}
      group by customer_id
    ), repeaters as (
      select *, extract(epoch from (last_at - first_at)) / 86400 / (orders - 1) as gap_days,
        extract(epoch from (${cut} - last_at)) / 86400 as quiet_days
      from hist where orders >= 2
    ), bar as (
      select percentile_cont(0.5) within group (order by spent) as median_spent from repeaters
    ), overdue as (
      select r.* from repeaters r cross join bar
      where r.spent >= bar.median_spent and r.quiet_days >= greatest(${MIN_QUIET_DAYS}, 2 * r.gap_days) and r.quiet_days < 365
    ), after as (
      select customer_id, sum(amount_minor) as spent from purchases
      where project_id = ${project.id} and status = 'completed' and currency = ${project.currency}
        and ordered_at >= ${cut} and ordered_at < ${cut} + make_interval(days => ${WINDOW_DAYS})
      group by customer_id
    )
    select o.customer_id, c.name, o.orders, o.spent, floor(o.quiet_days)::int as quiet_days, c.p_alive,
      a.customer_id is not null as returned, coalesce(a.spent, 0) as window_spent
    from overdue o
    left join after a on a.customer_id = o.customer_id
    left join customers c on c.project_id = ${project.id} and c.customer_id = o.customer_id
    order by o.spent desc, o.customer_id
  `.execute(db)
  return result.rows
}

/**
 * "Win back valuable customers slipping away." The expected impact is measured on the project's
 * own past: of the customers in the same situation 30 days before the data ends, the share who
 * came back within 30 days and what they spent — applied to today's list. That is what happens
 * without action; the control group held out when it is issued measures what the action adds.
 */
export async function winBack(context: RecommendationContext): Promise<Draft[]> {
  const today = addDays(context.asOfDay, 1)
  const [now, past] = await Promise.all([overdueCustomers(context, today), overdueCustomers(context, addDays(today, -WINDOW_DAYS))])
  if (now.length === 0) return []
  const returned = past.filter((row) => row.returned)
  const rate = past.length === 0 ? 0 : returned.length / past.length
  const returnerSpend = returned.length === 0 ? 0n : returned.reduce((sum, row) => sum + toBigInt(row.window_spent), 0n) / BigInt(returned.length)
  const targets = now.slice(0, MAX_TARGETS)
  const value = targets.reduce((sum, row) => sum + toBigInt(row.spent), 0n)
  const quiet = targets.map((row) => toCount(row.quiet_days)).sort((a, b) => a - b)
  const medianQuiet = quiet[Math.floor(quiet.length / 2)] ?? 0
  const pAlive = targets.filter((row) => row.p_alive !== null).map((row) => row.p_alive ?? 0)
  const impact = (BigInt(Math.round(rate * 1e6)) * BigInt(targets.length) * returnerSpend) / 1_000_000n
  const evidence = [
    { label: 'customers', value: String(targets.length) },
    { label: 'their net spent to date', value: context.money(value) },
    { label: 'median days since last order', value: String(medianQuiet) },
    { label: 'similar customers 30 days earlier', value: String(past.length) },
    { label: 'of them came back within 30 days', value: `${returned.length} (${percent(rate)})` },
    { label: 'spend of those who came back, per customer', value: context.money(returnerSpend) },
  ]
  if (pAlive.length > 0) evidence.push({ label: 'mean P(active)', value: (pAlive.reduce((a, b) => a + b, 0) / pAlive.length).toFixed(2) })
  return [
    {
      type: 'win_back',
      title: `Win back ${targets.length} valuable customers who have gone quiet`,
      why:
        `${targets.length} repeat customers who spent at least the median repeat customer's amount (${context.money(value)} together) ` +
        `have not ordered for twice their usual gap (median ${medianQuiet} days). Of ${past.length} customers in the same situation ` +
        `30 days earlier, ${percent(rate)} came back within 30 days on their own.`,
      evidence,
      period: { from: addDays(today, -365), to: context.asOfDay },
      targets: targets.map((row) => ({ customerId: row.customer_id, name: row.name, productId: null })),
      products: [],
      impactMinor: impact,
      impactMethod:
        `Customers × the share of similar customers who came back within 30 days (${percent(rate)}, measured 30 days before the data ends) ` +
        `× their average spend in those 30 days. It is what returns without action; the held-out control group measures the uplift.`,
      confidence: past.length === 0 ? 0.2 : Math.min(0.95, past.length / (past.length + 50)),
    },
  ]
}
