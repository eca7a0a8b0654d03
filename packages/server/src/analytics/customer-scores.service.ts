import { type CustomerScores, type CustomerScoresInput, currencyExponent, customerScoresInputSchema, formatMinorUnits, type ScoreLabel } from '@rapport/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { toBigInt, toCount } from './money.js'
import { refreshAnalytics } from './refresh-analytics.js'

const LABELS: ScoreLabel[] = ['HOT', 'WARM', 'COLD', 'UNQUALIFIED']
const AT_RISK_SEGMENTS = ['at_risk', 'cant_lose_them', 'about_to_sleep']

interface ScoredRow {
  customer_id: string
  name: string | null
  score: number
  score_label: ScoreLabel
  p_alive: number | null
  net_spent_minor: string | bigint
  predicted_value_365_minor: string | bigint | null
}

/** `insights.customers`: the lead scores of a project's customers in one view. */
export async function buildCustomerScores(db: Kysely<Database>, project: ProjectRow, input: CustomerScoresInput): Promise<CustomerScores> {
  const query = customerScoresInputSchema.parse(input)
  await refreshAnalytics(db, project)
  const exponent = currencyExponent(project.currency)
  const money = (value: string | bigint | null) => (value === null ? null : formatMinorUnits(toBigInt(value), exponent))
  const columns = sql`customer_id, name, score, score_label, p_alive, net_spent_minor, predicted_value_365_minor`
  const [bands, hot, atRisk, totals, state] = await Promise.all([
    sql<{ label: ScoreLabel; customers: string | number; spent: string | bigint }>`
      select score_label as label, count(*) as customers, sum(net_spent_minor) as spent
      from customers where project_id = ${project.id} and score_label is not null group by score_label
    `.execute(db),
    sql<ScoredRow>`select ${columns} from customers where project_id = ${project.id} and score is not null
      order by score desc, net_spent_minor desc, customer_id limit ${query.limit}`.execute(db),
    sql<ScoredRow>`select ${columns} from customers where project_id = ${project.id} and score is not null
      and (p_alive < 0.5 or segment = any(${AT_RISK_SEGMENTS}::text[]))
      order by coalesce(predicted_value_365_minor, net_spent_minor) desc, customer_id limit ${query.limit}`.execute(db),
    sql<{ customers: string | number; e30: number | null; e90: number | null; clv: string | bigint | null; p: number | null }>`
      select count(*) as customers, sum(expected_purchases_30) as e30, sum(expected_purchases_90) as e90,
        sum(predicted_value_365_minor) as clv, avg(p_alive) as p
      from customers where project_id = ${project.id} and p_alive is not null
    `.execute(db),
    db.selectFrom('analytics_state').select('rfm_computed_at').where('project_id', '=', project.id).executeTakeFirst(),
  ])
  const byLabel = new Map(bands.rows.map((row) => [row.label, row]))
  const totalSpent = bands.rows.reduce((sum, row) => sum + toBigInt(row.spent), 0n)
  const toScored = (row: ScoredRow) => ({
    customerId: row.customer_id,
    name: row.name,
    score: row.score,
    label: row.score_label,
    pActive: row.p_alive,
    netSpent: money(row.net_spent_minor) ?? '0',
    predictedValue365: money(row.predicted_value_365_minor),
  })
  const predicted = totals.rows[0]
  const notes: string[] = []
  if (!predicted || toCount(predicted.customers) === 0) notes.push('Predictions (P(active), expected purchases, value) need at least 20 repeat customers; scores leave that factor out until then.')
  return {
    currency: project.currency,
    computedAt: state?.rfm_computed_at?.toISOString() ?? null,
    labels: LABELS.map((label) => {
      const row = byLabel.get(label)
      const spent = toBigInt(row?.spent)
      return {
        label,
        customers: toCount(row?.customers),
        netSpent: formatMinorUnits(spent, exponent),
        share: totalSpent === 0n ? 0 : Number(spent) / Number(totalSpent),
      }
    }),
    hot: hot.rows.map(toScored),
    atRisk: atRisk.rows.map(toScored),
    predictions:
      !predicted || toCount(predicted.customers) === 0
        ? null
        : {
            customers: toCount(predicted.customers),
            expectedPurchases30: Number(predicted.e30 ?? 0),
            expectedPurchases90: Number(predicted.e90 ?? 0),
            predictedValue365: money(predicted.clv) ?? '0',
            meanPActive: Number(predicted.p ?? 0),
          },
    notes,
  }
}
