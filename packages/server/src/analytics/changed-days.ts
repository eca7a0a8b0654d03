import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'

/**
 * Records that the local days of these instants need their rollups recomputed.
 * Append-only (duplicates are fine): concurrent ingestion never waits on it.
 */
export async function markChangedDays(db: Kysely<Database>, projectId: string, timezone: string, instants: readonly Date[]): Promise<void> {
  if (instants.length === 0) return
  const unique = [...new Set(instants.map((instant) => instant.toISOString()))]
  await sql`
    insert into analytics_changes (project_id, day)
    select distinct ${projectId}::uuid, (t at time zone ${timezone})::date
    from unnest(${unique}::timestamptz[]) as t
  `.execute(db)
}
