import type { SegmentName } from '@rapport/shared'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '../db/schema.js'

/**
 * The segment of each (recency score, frequency-monetary score) pair, where the
 * FM score is ⌊(F + M + 1) / 2⌋. Rows are recency 5 (most recent) down to 1;
 * columns FM 1 to 5. Every pair has exactly one segment, so segment counts
 * always add up to the customers scored.
 */
export const SEGMENT_GRID: Record<1 | 2 | 3 | 4 | 5, readonly [SegmentName, SegmentName, SegmentName, SegmentName, SegmentName]> = {
  5: ['new', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
  4: ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal', 'champions'],
  3: ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
  1: ['lost', 'lost', 'at_risk', 'cant_lose_them', 'cant_lose_them'],
}

/** Score 1–5 from a rank: 1 + ⌊5 × (values strictly below) / n⌋, so ties share a score. */
export function quintileScore(below: number, count: number): number {
  return 1 + Math.floor((5 * below) / count)
}

export function segmentOf(recency: number, frequency: number, monetary: number): SegmentName {
  const fm = Math.floor((frequency + monetary + 1) / 2)
  const row = SEGMENT_GRID[recency as 1 | 2 | 3 | 4 | 5]
  const segment = row[(fm - 1) as 0 | 1 | 2 | 3 | 4]
  return segment
}

const gridValues = sql.join(
  Object.entries(SEGMENT_GRID).flatMap(([recency, row]) => row.map((segment, index) => sql`(${Number(recency)}::int, ${index + 1}::int, ${segment}::text)`)),
)

export interface ScoredCustomer {
  customer_id: string
  recency: number
  frequency: number
  monetary: number
  segment: SegmentName
  net_minor: bigint
}

/**
 * RFM scores of every customer with a completed order before `asOf`: recency =
 * last order, frequency = completed orders, monetary = those orders minus refunds
 * (project currency). An order refunded after `asOf` still counts as completed then.
 */
export function scoredCustomersQuery(projectId: string, currency: string, asOf: Date | 'infinity'): RawBuilder<ScoredCustomer> {
  const at = asOf === 'infinity' ? sql`'infinity'::timestamptz` : sql`${asOf}::timestamptz`
  return sql<ScoredCustomer>`
    with orders as (
      select p.customer_id, max(p.ordered_at) as last_at, count(*) as frequency,
        coalesce(sum(p.amount_minor) filter (where p.currency = ${currency}), 0) as gross
      from purchases p
      where p.project_id = ${projectId} and p.customer_id is not null and p.ordered_at < ${at}
        and (p.status = 'completed' or p.refunded_at >= ${at})
      group by p.customer_id
    ),
    refunded as (
      select f.customer_id, sum(f.amount_minor) as amount
      from refunds f
      where f.project_id = ${projectId} and f.customer_id is not null and f.currency = ${currency} and f.refunded_at < ${at}
      group by f.customer_id
    ),
    base as (
      select o.customer_id, o.last_at, o.frequency, (o.gross - coalesce(r.amount, 0))::bigint as net_minor
      from orders o left join refunded r on r.customer_id = o.customer_id
    ),
    scored as (
      select customer_id, net_minor,
        (1 + (5 * (rank() over (order by last_at) - 1)) / count(*) over ())::int as recency,
        (1 + (5 * (rank() over (order by frequency) - 1)) / count(*) over ())::int as frequency,
        (1 + (5 * (rank() over (order by net_minor) - 1)) / count(*) over ())::int as monetary
      from base
    )
    select s.customer_id, s.recency, s.frequency, s.monetary, g.segment, s.net_minor
    from scored s
    join (values ${gridValues}) as g(r, fm, segment) on g.r = s.recency and g.fm = (s.frequency + s.monetary + 1) / 2
  `
}

/** Stores current scores and segments on the project's customers (those without orders get none). */
export async function recomputeRfm(db: Kysely<Database>, projectId: string, currency: string): Promise<void> {
  await sql`
    update customers c set
      rfm_recency = s.recency, rfm_frequency = s.frequency, rfm_monetary = s.monetary, segment = s.segment
    from (${scoredCustomersQuery(projectId, currency, 'infinity')}) as s
    where c.project_id = ${projectId} and c.customer_id = s.customer_id
      and (c.segment is distinct from s.segment or c.rfm_recency is distinct from s.recency
        or c.rfm_frequency is distinct from s.frequency or c.rfm_monetary is distinct from s.monetary)
  `.execute(db)
  // Customers whose orders were all refunded or moved away lose their scores.
  await sql`
    update customers c set rfm_recency = null, rfm_frequency = null, rfm_monetary = null, segment = null
    where c.project_id = ${projectId} and c.segment is not null
      and not exists (
        select 1 from purchases p
        where p.project_id = ${projectId} and p.customer_id = c.customer_id and p.status = 'completed'
      )
  `.execute(db)
}
