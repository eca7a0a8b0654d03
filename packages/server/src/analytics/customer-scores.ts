import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { todayIn } from './calendar.js'
import { fitBgNbd, fitGammaGamma, scoreCustomer, summarizeCustomers } from './scores/index.js'

/** Fewer repeat customers than this and the fits say little: no scores are stored. */
const MIN_REPEAT_CUSTOMERS = 20

/** BG/NBD parameters beyond this are a fit that ran away (no heterogeneity left to estimate), not a population. */
const MAX_PARAMETER = 1e6

function plausible(params: object, max: number): boolean {
  return Object.values(params).every((value) => typeof value !== 'number' || (Number.isFinite(value) && value >= 0 && value < max))
}

async function clearPredictions(db: Kysely<Database>, project: ProjectRow): Promise<void> {
  await sql`update customers set p_alive = null, expected_purchases_30 = null, expected_purchases_90 = null,
    expected_order_value_minor = null, predicted_value_365_minor = null
    where project_id = ${project.id} and p_alive is not null`.execute(db)
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000)
}

/**
 * Fits BG/NBD (purchase frequency and dropout) and Gamma–Gamma (spend per
 * purchase) on the project's customers and stores each one's P(active),
 * expected purchases in 30 and 90 days, expected order value and predicted
 * 365-day value. A transaction is a local day with completed orders in the
 * project's currency; ages run to today.
 */
export async function recomputeCustomerScores(db: Kysely<Database>, project: ProjectRow): Promise<void> {
  const rows = await sql<{ customer_id: string; day: string; value: string | number | bigint }>`
    select customer_id, (ordered_at at time zone ${project.timezone})::date::text as day, sum(amount_minor) as value
    from purchases
    where project_id = ${project.id} and customer_id is not null and status = 'completed' and currency = ${project.currency}
    group by 1, 2
  `.execute(db)
  const summaries = summarizeCustomers(
    rows.rows.map((row) => ({ customerId: row.customer_id, day: dayNumber(row.day), value: Number(row.value) })),
    { lastDay: dayNumber(todayIn(project.timezone)) },
  )
  const customers = [...summaries.values()]
  const repeat = customers.filter((customer) => customer.frequency > 0 && customer.monetary > 0)
  if (repeat.length < MIN_REPEAT_CUSTOMERS) {
    await clearPredictions(db, project)
    return
  }
  const bgNbd = fitBgNbd(customers)
  const gammaGamma = fitGammaGamma(repeat)
  if (!plausible(bgNbd.params, MAX_PARAMETER) || !plausible(gammaGamma.params, Number.POSITIVE_INFINITY)) {
    // A degenerate fit (parameters running off to ~1e12 on a few regular customers) predicts
    // nothing useful and breaks the hypergeometric series: store no predictions instead.
    await clearPredictions(db, project)
    return
  }
  const ids: string[] = []
  const scores: Array<[number, number, number, number, number]> = []
  for (const [id, summary] of summaries) {
    let score: ReturnType<typeof scoreCustomer>
    try {
      score = scoreCustomer(bgNbd.params, gammaGamma.params, summary)
    } catch {
      continue // a series that does not converge for this customer: no prediction rather than a failed refresh
    }
    const values = [score.pAlive, score.expectedPurchases30, score.expectedPurchases90, score.expectedValue, score.predictedClv365]
    if (!values.every(Number.isFinite)) continue
    ids.push(id)
    scores.push([score.pAlive, score.expectedPurchases30, score.expectedPurchases90, score.expectedValue, score.predictedClv365])
  }
  const column = (index: number) => scores.map((score) => score[index] ?? 0)
  await sql`
    update customers c set
      p_alive = s.p_alive, expected_purchases_30 = s.e30, expected_purchases_90 = s.e90,
      expected_order_value_minor = round(s.value)::bigint, predicted_value_365_minor = round(s.clv)::bigint
    from unnest(${ids}::text[], ${column(0)}::float8[], ${column(1)}::float8[], ${column(2)}::float8[], ${column(3)}::float8[], ${column(4)}::float8[])
      as s(customer_id, p_alive, e30, e90, value, clv)
    where c.project_id = ${project.id} and c.customer_id = s.customer_id
  `.execute(db)
}
