import { currencyExponent } from '@rapport/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'

/** Maximum points per factor; they add up to 100. */
export const SCORE_POINTS = { recency: 25, frequency: 20, spend: 20, engagement: 15, pActive: 20 } as const
/** Interactions in the window that earn the full engagement points. */
const FULL_ENGAGEMENT = 5
/** The window of the engagement factor, in days. */
export const ENGAGEMENT_DAYS = 30

/**
 * Stores every customer's 0–100 lead score, its label (HOT 80+, WARM 60–79, COLD 40–59,
 * UNQUALIFIED below 40) and its reasons. Recency, frequency and spend come from the RFM
 * quintiles (a 5 earns all the points, a 1 none), engagement from `track` interactions in the
 * last 30 days, and P(active) from BG/NBD. A factor that can't be measured (a project that sends
 * no track events, a customer without a prediction) is left out and the other factors' points
 * are scaled to 100, so a purchases-only shop can still have HOT leads.
 * Runs after the RFM and prediction refresh, in one statement.
 */
export async function recomputeLeadScores(db: Kysely<Database>, project: ProjectRow): Promise<void> {
  const p = SCORE_POINTS
  await sql`
    with engagement as (
      select customer_id, count(*)::int as n from interactions
      where project_id = ${project.id} and occurred_at >= now() - make_interval(days => ${ENGAGEMENT_DAYS})
      group by customer_id
    ), tracked as (
      select exists (select 1 from engagement) as any
    ), raw as (
      select c.customer_id,
        coalesce((c.rfm_recency - 1) * ${sql.lit(p.recency)}::float8 / 4, 0) as recency,
        coalesce((c.rfm_frequency - 1) * ${sql.lit(p.frequency)}::float8 / 4, 0) as frequency,
        coalesce((c.rfm_monetary - 1) * ${sql.lit(p.spend)}::float8 / 4, 0) as spend,
        least(coalesce(e.n, 0), ${sql.lit(FULL_ENGAGEMENT)}) * ${sql.lit(p.engagement)}::float8 / ${sql.lit(FULL_ENGAGEMENT)} as engagement,
        coalesce(c.p_alive * ${sql.lit(p.pActive)}, 0) as p_active,
        100.0 / (100 - case when t.any then 0 else ${sql.lit(p.engagement)} end - case when c.p_alive is null then ${sql.lit(p.pActive)} else 0 end) as scale,
        t.any as tracked,
        c.rfm_recency, c.rfm_frequency, c.rfm_monetary, c.p_alive, coalesce(e.n, 0) as interactions,
        extract(day from now() - c.last_purchase_at)::int as days_since,
        c.orders_count, c.net_spent_minor
      from customers c cross join tracked t left join engagement e on e.customer_id = c.customer_id
      where c.project_id = ${project.id}
    ), s as (
      select *, least(100, greatest(0, round((recency + frequency + spend + engagement + p_active) * scale)))::int as total
      from raw
    )
    update customers c set
      score = s.total,
      score_label = case when s.total >= 80 then 'HOT' when s.total >= 60 then 'WARM' when s.total >= 40 then 'COLD' else 'UNQUALIFIED' end,
      score_reasons = jsonb_build_array(
        jsonb_build_object('factor', 'recency', 'points', round((s.recency * s.scale)::numeric, 1), 'maxPoints', round((${sql.lit(p.recency)} * s.scale)::numeric, 1), 'value', s.days_since),
        jsonb_build_object('factor', 'frequency', 'points', round((s.frequency * s.scale)::numeric, 1), 'maxPoints', round((${sql.lit(p.frequency)} * s.scale)::numeric, 1), 'value', s.orders_count),
        jsonb_build_object('factor', 'spend', 'points', round((s.spend * s.scale)::numeric, 1), 'maxPoints', round((${sql.lit(p.spend)} * s.scale)::numeric, 1),
          'value', round(s.net_spent_minor / power(10, ${sql.lit(currencyExponent(project.currency))})::numeric, 2)),
        jsonb_build_object('factor', 'engagement', 'points', round((s.engagement * s.scale)::numeric, 1), 'maxPoints', case when s.tracked then round((${sql.lit(p.engagement)} * s.scale)::numeric, 1) else 0 end, 'value', s.interactions),
        jsonb_build_object('factor', 'pActive', 'points', round((s.p_active * s.scale)::numeric, 1), 'maxPoints', case when s.p_alive is null then 0 else round((${sql.lit(p.pActive)} * s.scale)::numeric, 1) end, 'value', s.p_alive)
      )
    from s
    where c.project_id = ${project.id} and c.customer_id = s.customer_id
  `.execute(db)
}
