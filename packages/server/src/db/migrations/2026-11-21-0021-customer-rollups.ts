import { type Kysely, sql } from 'kysely'

// Per-customer figures per local day and month, and the count of orders in other
// currencies per day, so a report's customer parts (paying, new and repeat
// customers, top customers, cohorts) sum rollups bounded by customers × months
// instead of scanning every order of the period.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table daily_customer_sales (
    project_id uuid not null references projects (id) on delete cascade,
    day date not null,
    customer_id text not null,
    orders integer not null,
    gross_minor bigint not null,
    refunds_minor bigint not null,
    primary key (project_id, day, customer_id)
  )`.execute(db)
  await sql`create table monthly_customer_sales (
    project_id uuid not null references projects (id) on delete cascade,
    month date not null,
    customer_id text not null,
    orders integer not null,
    gross_minor bigint not null,
    refunds_minor bigint not null,
    primary key (project_id, month, customer_id)
  )`.execute(db)
  await sql`create table daily_other_currency_orders (
    project_id uuid not null references projects (id) on delete cascade,
    day date not null,
    orders integer not null,
    primary key (project_id, day)
  )`.execute(db)
  // Cohorts and "new customers" read customers by first purchase.
  await sql`create index customers_first_purchase_idx on customers (project_id, first_purchase_at) where first_purchase_at is not null`.execute(db)
  // Existing data gets its rollups on the next read: every day with a sale, a refund or an order in another currency.
  await sql`
    insert into analytics_changes (project_id, day)
    select project_id, day from daily_sales
    union
    select p.project_id, (p.ordered_at at time zone pr.timezone)::date
    from purchases p join projects pr on pr.id = p.project_id
    where p.currency <> pr.currency
  `.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists customers_first_purchase_idx`.execute(db)
  await sql`drop table if exists daily_other_currency_orders`.execute(db)
  await sql`drop table if exists monthly_customer_sales`.execute(db)
  await sql`drop table if exists daily_customer_sales`.execute(db)
}
