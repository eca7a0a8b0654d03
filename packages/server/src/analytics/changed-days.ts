import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '../db/schema.js'

/**
 * The insert recording that the local days of these instants need their
 * rollups recomputed, to run alone (`markChangedDays`) or as a data-modifying
 * `with` part of a larger statement (ingestion saves a round trip so).
 * Append-only (duplicates are fine): concurrent ingestion never waits on it.
 */
export function changedDaysInsert(projectId: string, timezone: string, instants: readonly Date[]): RawBuilder<unknown> {
  const unique = [...new Set(instants.map((instant) => instant.toISOString()))]
  return sql`
    insert into analytics_changes (project_id, day)
    select distinct ${projectId}::uuid, (t at time zone ${timezone})::date
    from unnest(${unique}::timestamptz[]) as t
  `
}

/** Records that the local days of these instants need their rollups recomputed. */
export async function markChangedDays(db: Kysely<Database>, projectId: string, timezone: string, instants: readonly Date[]): Promise<void> {
  if (instants.length === 0) return
  await changedDaysInsert(projectId, timezone, instants).execute(db)
}
