import { type Summary, summarySchema } from '@rapport/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'

/**
 * A cheap fingerprint of everything a summary is written from: the daily
 * rollups (any order or refund changes them) and when RFM scores were last
 * computed. Read after the rollups are refreshed; equal fingerprints mean the
 * summary would say the same.
 */
export async function dataFingerprint(db: Kysely<Database>, projectId: string): Promise<string> {
  const result = await sql<{ fingerprint: string }>`
    select concat_ws(':', count(*), coalesce(sum(gross_minor), 0), coalesce(sum(refunds_minor), 0), coalesce(sum(orders), 0),
      (select extract(epoch from rfm_computed_at) from analytics_state where project_id = ${projectId})) as fingerprint
    from daily_sales where project_id = ${projectId}
  `.execute(db)
  return result.rows[0]?.fingerprint ?? ''
}

/** The stored summary under `key` if it was written from data with this fingerprint. */
export async function cachedSummary(db: Kysely<Database>, projectId: string, key: string, fingerprint: string): Promise<Summary | null> {
  const row = await db
    .selectFrom('ai_summaries')
    .select('summary')
    .where('project_id', '=', projectId)
    .where('cache_key', '=', key)
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst()
  if (!row) return null
  const parsed = summarySchema.safeParse(row.summary)
  return parsed.success ? parsed.data : null
}

/** Stores a summary and drops the project's summaries of older data. */
export async function storeSummary(db: Kysely<Database>, projectId: string, key: string, fingerprint: string, summary: Summary): Promise<void> {
  await db.deleteFrom('ai_summaries').where('project_id', '=', projectId).where('fingerprint', '<>', fingerprint).execute()
  await db
    .insertInto('ai_summaries')
    .values({ project_id: projectId, cache_key: key, fingerprint, summary: JSON.stringify(summary) })
    .onConflict((conflict) => conflict.columns(['project_id', 'cache_key']).doUpdateSet({ fingerprint, summary: JSON.stringify(summary), created_at: new Date() }))
    .execute()
}
