import { type Kysely, sql } from 'kysely'

// The assistant's per-project bookkeeping: tokens spent on the model per UTC day
// (the daily budget is checked against it), and summaries kept until the
// project's data changes (`fingerprint` of the rollups they were written from).
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table ai_usage (
    project_id uuid not null references projects (id) on delete cascade,
    day date not null,
    requests integer not null default 0,
    prompt_tokens bigint not null default 0,
    completion_tokens bigint not null default 0,
    primary key (project_id, day)
  )`.execute(db)
  await sql`create table ai_summaries (
    project_id uuid not null references projects (id) on delete cascade,
    cache_key text not null,
    fingerprint text not null,
    summary jsonb not null,
    created_at timestamptz not null default now(),
    primary key (project_id, cache_key)
  )`.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists ai_summaries`.execute(db)
  await sql`drop table if exists ai_usage`.execute(db)
}
