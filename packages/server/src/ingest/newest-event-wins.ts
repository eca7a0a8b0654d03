import { type RawBuilder, sql } from 'kysely'

/** Documents whose stored fields come from their newest event (`last_event_at`). */
type DocumentTable = 'purchases' | 'refunds'

// The incoming event is at least as new as the one whose fields are stored.
function incomingIsNewer(table: DocumentTable): RawBuilder<boolean> {
  return sql<boolean>`(excluded.last_event_at >= ${sql.ref(`${table}.last_event_at`)})`
}

/** On conflict: the incoming value if its event is at least as new, else the stored one. */
export function newestValue<T>(table: DocumentTable, column: string): RawBuilder<T> {
  return sql<T>`case when ${incomingIsNewer(table)} then ${sql.ref(`excluded.${column}`)} else ${sql.ref(`${table}.${column}`)} end`
}

/** On conflict, for optional fields: the newer event's value when it has one, else the other's. */
export function newestKnownValue(table: DocumentTable, column: string): RawBuilder<string | null> {
  const incoming = sql.ref(`excluded.${column}`)
  const stored = sql.ref(`${table}.${column}`)
  return sql<string | null>`case when ${incomingIsNewer(table)} then coalesce(${incoming}, ${stored}) else coalesce(${stored}, ${incoming}) end`
}
