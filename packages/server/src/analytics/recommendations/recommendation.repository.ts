import type { Locale, Recommendation } from '@rapport/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.js'

type Db = Kysely<Database>

/** One recommendation in every language (same id, targets and figures; the words differ). */
export type StoredRecommendation = Record<Locale, Recommendation>

export interface StoredRun {
  runId: string
  issuedAt: Date
  items: StoredRecommendation[]
}

/** Sets stored before recommendations had languages hold one English recommendation. */
export function readPayload(payload: unknown): StoredRecommendation {
  const value = payload as Partial<StoredRecommendation> & Partial<Recommendation>
  if (value.en && value.ru) return { en: value.en, ru: value.ru }
  const only = value as Recommendation
  return { en: only, ru: only }
}

/** Stores one issued set of recommendations and, for those aimed at customers, who was targeted and who held out. */
export async function storeRun(db: Db, projectId: string, run: StoredRun): Promise<void> {
  if (run.items.length === 0) return
  await db
    .insertInto('recommendations')
    .values(
      run.items.map((item) => ({
        project_id: projectId,
        recommendation_id: item.en.id,
        run_id: run.runId,
        issued_at: run.issuedAt,
        rank: item.en.rank,
        type: item.en.type,
        payload: JSON.stringify(item),
      })),
    )
    .execute()
  const targets = run.items.flatMap((item) =>
    item.en.customers.map((customer) => ({ project_id: projectId, recommendation_id: item.en.id, customer_id: customer.customerId, is_control: customer.control })),
  )
  for (let start = 0; start < targets.length; start += 2000) {
    await db.insertInto('recommendation_targets').values(targets.slice(start, start + 2000)).onConflict((oc) => oc.doNothing()).execute()
  }
}

/** The newest issued set, best first. */
export async function latestRun(db: Db, projectId: string): Promise<StoredRun | null> {
  const newest = await db
    .selectFrom('recommendations')
    .select(['run_id', 'issued_at'])
    .where('project_id', '=', projectId)
    .orderBy('issued_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!newest) return null
  const rows = await db
    .selectFrom('recommendations')
    .select('payload')
    .where('project_id', '=', projectId)
    .where('run_id', '=', newest.run_id)
    .orderBy('rank')
    .execute()
  return { runId: newest.run_id, issuedAt: newest.issued_at, items: rows.map((row) => readPayload(row.payload)) }
}

/** Whether orders or refunds changed the project's figures after `since` (or are waiting to be counted). */
export async function dataChangedSince(db: Db, projectId: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('analytics_state')
    .select(['rfm_computed_at', 'rfm_stale_since'])
    .where('project_id', '=', projectId)
    .executeTakeFirst()
  if (!row) return false
  return row.rfm_stale_since !== null || (row.rfm_computed_at !== null && row.rfm_computed_at > since)
}

export interface OutcomeRow {
  recommendation_id: string
  type: string
  issued_at: Date
  payload: unknown
  customer_id: string
  is_control: boolean
  spent: string | bigint
  orders: string | number
}

/** For the newest recommendations aimed at customers: each target's completed orders in the `days` after issue. */
export async function outcomeRows(db: Db, projectId: string, currency: string, limit: number, days: number): Promise<OutcomeRow[]> {
  const result = await sql<OutcomeRow>`
    with recent as (
      select r.recommendation_id, r.type, r.issued_at, r.payload from recommendations r
      where r.project_id = ${projectId} and exists (
        select 1 from recommendation_targets t where t.project_id = r.project_id and t.recommendation_id = r.recommendation_id)
      order by r.issued_at desc, r.rank
      limit ${limit}
    )
    select r.recommendation_id, r.type, r.issued_at, r.payload, t.customer_id, t.is_control,
      coalesce(sum(p.amount_minor), 0) as spent, count(p.order_id) as orders
    from recent r
    join recommendation_targets t on t.project_id = ${projectId} and t.recommendation_id = r.recommendation_id
    left join purchases p on p.project_id = ${projectId} and p.customer_id = t.customer_id and p.status = 'completed'
      and p.currency = ${currency} and p.ordered_at >= r.issued_at and p.ordered_at < r.issued_at + make_interval(days => ${days})
    group by r.recommendation_id, r.type, r.issued_at, r.payload, t.customer_id, t.is_control
    order by r.issued_at desc, r.recommendation_id
  `.execute(db)
  return result.rows
}
