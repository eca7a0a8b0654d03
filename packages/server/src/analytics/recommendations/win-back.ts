import { sql } from 'kysely'
import { addDays } from '../calendar.js'
import { toBigInt, toCount } from '../money.js'
import { localMidnight } from '../report.repository.js'
import { type Draft, percent, type RecommendationContext, ruPlural, texts } from './draft.js'

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
  const n = targets.length
  const evidence = [
    { label: texts('customers', 'клиентов'), value: String(n) },
    { label: texts('their net spent to date', 'их чистые покупки за всё время'), value: context.money(value) },
    { label: texts('median days since last order', 'медиана дней с последнего заказа'), value: String(medianQuiet) },
    { label: texts('similar customers 30 days earlier', 'похожих клиентов 30 дней назад'), value: String(past.length) },
    { label: texts('of them came back within 30 days', 'из них вернулись за 30 дней'), value: `${returned.length} (${percent(rate)})` },
    { label: texts('spend of those who came back, per customer', 'покупки вернувшихся, на клиента'), value: context.money(returnerSpend) },
  ]
  if (pAlive.length > 0) evidence.push({ label: texts('mean P(active)', 'средняя P(активен)'), value: (pAlive.reduce((a, b) => a + b, 0) / pAlive.length).toFixed(2) })
  return [
    {
      type: 'win_back',
      title: texts(
        `Win back ${n} valuable customers who have gone quiet`,
        `Верните ${n} ${ruPlural(n, 'ценного клиента', 'ценных клиентов', 'ценных клиентов')}, ${ruPlural(n, 'который перестал', 'которые перестали', 'которые перестали')} покупать`,
      ),
      why: texts(
        `${n} repeat customers who spent at least the median repeat customer's amount (${context.money(value)} together) ` +
          `have not ordered for twice their usual gap (median ${medianQuiet} days). Of ${past.length} customers in the same situation ` +
          `30 days earlier, ${percent(rate)} came back within 30 days on their own.`,
        `${n} ${ruPlural(n, 'постоянный клиент', 'постоянных клиента', 'постоянных клиентов')} с покупками не меньше медианы постоянных клиентов (вместе ${context.money(value)}) ` +
          `не заказывают вдвое дольше обычного интервала (медиана ${medianQuiet} дн.). Из ${past.length} клиентов в той же ситуации ` +
          `30 дней назад ${percent(rate)} вернулись в течение 30 дней сами.`,
      ),
      evidence,
      period: { from: addDays(today, -365), to: context.asOfDay },
      targets: targets.map((row) => ({ customerId: row.customer_id, name: row.name, productId: null })),
      products: [],
      impactMinor: impact,
      impactMethod: texts(
        `Customers × the share of similar customers who came back within 30 days (${percent(rate)}, measured 30 days before the data ends) ` +
          `× their average spend in those 30 days. It is what returns without action; the held-out control group measures the uplift.`,
        `Клиенты × доля похожих клиентов, вернувшихся за 30 дней (${percent(rate)}, измерено за 30 дней до конца данных) ` +
          `× их средние покупки за эти 30 дней. Это то, что возвращается и без действий; прирост измеряет отложенная контрольная группа.`,
      ),
      confidence: past.length === 0 ? 0.2 : Math.min(0.95, past.length / (past.length + 50)),
    },
  ]
}
