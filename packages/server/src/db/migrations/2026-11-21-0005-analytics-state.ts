import { type Kysely, sql } from 'kysely'

// When a project's RFM scores were last recomputed and since when they are out
// of date: recomputing ranks every customer, so a busy project does it at most
// every few minutes instead of on every read.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table analytics_state (
    project_id uuid primary key references projects (id) on delete cascade,
    rfm_computed_at timestamptz,
    rfm_stale_since timestamptz
  )`.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists analytics_state`.execute(db)
}
