import { type Kysely, sql } from 'kysely'

// Lead scores (0–100 with a label and its reasons), each customer's next best products,
// and every recommendation issued with the customers it targeted (and the control group
// held out from it), so its outcome can be measured later.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`alter table customers
      add column score smallint,
      add column score_label text,
      add column score_reasons jsonb`,
    sql`create index customers_score_idx on customers (project_id, score, customer_id) where score is not null`,
    sql`create table customer_next_products (
      project_id uuid not null references projects (id) on delete cascade,
      customer_id text not null,
      rank smallint not null,
      product_id text not null,
      name text,
      score double precision not null,
      reason text not null,
      primary key (project_id, customer_id, rank)
    )`,
    sql`create table recommendations (
      project_id uuid not null references projects (id) on delete cascade,
      recommendation_id uuid not null,
      run_id uuid not null,
      issued_at timestamptz not null,
      rank integer not null,
      type text not null,
      payload jsonb not null,
      primary key (project_id, recommendation_id)
    )`,
    sql`create index recommendations_issued_idx on recommendations (project_id, issued_at desc, rank)`,
    sql`create table recommendation_targets (
      project_id uuid not null,
      recommendation_id uuid not null,
      customer_id text not null,
      is_control boolean not null,
      primary key (project_id, recommendation_id, customer_id),
      foreign key (project_id, recommendation_id) references recommendations (project_id, recommendation_id) on delete cascade
    )`,
  ]
  for (const statement of statements) await statement.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists recommendation_targets`.execute(db)
  await sql`drop table if exists recommendations`.execute(db)
  await sql`drop table if exists customer_next_products`.execute(db)
  await sql`drop index if exists customers_score_idx`.execute(db)
  await sql`alter table customers drop column if exists score, drop column if exists score_label, drop column if exists score_reasons`.execute(db)
}
