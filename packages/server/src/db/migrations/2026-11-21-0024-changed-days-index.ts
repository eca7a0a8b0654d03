import { type Kysely, sql } from 'kysely'

// Ingestion records a changed day only when it is not pending already (see
// changedDaysInsert), so the probe needs the day in the index. Not unique: a
// unique key would make concurrent batches of the same day wait on each other.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index analytics_changes_day_idx on analytics_changes (project_id, day)`.execute(db)
  await sql`drop index if exists analytics_changes_project_idx`.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index analytics_changes_project_idx on analytics_changes (project_id)`.execute(db)
  await sql`drop index if exists analytics_changes_day_idx`.execute(db)
}
