import { type Kysely, sql } from 'kysely'

// Product figures per month: a year's top products sum ~12 rows per product
// instead of ~300 daily ones. Built from daily_product_sales for changed months.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table monthly_product_sales (
    project_id uuid not null references projects (id) on delete cascade,
    month date not null,
    product_id text not null,
    name text,
    gross_e4 bigint not null,
    refunds_e4 bigint not null,
    quantity bigint not null,
    returned_quantity bigint not null,
    orders integer not null,
    primary key (project_id, month, product_id)
  )`.execute(db)
  // Existing rollups are rebuilt on the next read.
  await sql`insert into analytics_changes (project_id, day) select distinct project_id, day from daily_product_sales`.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists monthly_product_sales`.execute(db)
}
