import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '../db/schema.js'

/**
 * The insert recording that the local days of these instants need their
 * rollups recomputed, to run alone (`markChangedDays`) or as a data-modifying
 * `with` part of a larger statement (ingestion saves a round trip so).
 * Only days not pending already are added, so a backfill spread over a year
 * adds each day once between two refreshes, not once per batch. No unique key:
 * concurrent batches never wait on each other here, and the rare duplicate
 * they may both add is harmless (the refresh takes distinct days).
 */
export function changedDaysInsert(projectId: string, timezone: string, instants: readonly Date[]): RawBuilder<unknown> {
  const unique = [...new Set(instants.map((instant) => instant.toISOString()))]
  return sql`
    insert into analytics_changes (project_id, day)
    select ${projectId}::uuid, d.day
    from (select distinct (t at time zone ${timezone})::date as day from unnest(${unique}::timestamptz[]) as t) as d
    where not exists (select 1 from analytics_changes c where c.project_id = ${projectId}::uuid and c.day = d.day)
  `
}

/** Records that the local days of these instants need their rollups recomputed. */
export async function markChangedDays(db: Kysely<Database>, projectId: string, timezone: string, instants: readonly Date[]): Promise<void> {
  if (instants.length === 0) return
  await changedDaysInsert(projectId, timezone, instants).execute(db)
}
