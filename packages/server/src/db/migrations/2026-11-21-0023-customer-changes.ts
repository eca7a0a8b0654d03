import { type Kysely, sql } from 'kysely'

// What ingestion adds to customers' totals and seen times, appended per batch
// and folded into `customers` before the next read (`applyCustomerChanges`).
// Updating a customer row in every batch it appears in rewrote the row and all
// ten of its indexes (the totals are sort keys); an append to this narrow table
// costs one small index entry, and a read folds many batches into one update.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table customer_changes (
    project_id uuid not null references projects (id) on delete cascade,
    customer_id text not null,
    orders integer not null default 0,
    refunded_orders integer not null default 0,
    gross_minor bigint not null default 0,
    first_purchase_at timestamptz,
    last_purchase_at timestamptz,
    first_seen_at timestamptz not null,
    last_seen_at timestamptz not null
  )`.execute(db)
  await sql`create index customer_changes_project_idx on customer_changes (project_id, customer_id)`.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists customer_changes`.execute(db)
}
