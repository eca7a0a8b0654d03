import { type Kysely, sql } from 'kysely'

// Refunds as their own documents (partial refunds, returned lines, credit
// notes), RFM scores on customers, and the daily rollups reports read instead
// of scanning every order line.
const UP = [
  sql`alter table purchases add column country text`,
  sql`create table refunds (
    project_id uuid not null references projects (id) on delete cascade,
    refund_id text not null,
    order_id text,
    customer_id text,
    amount_minor bigint not null check (amount_minor >= 0),
    currency text not null,
    reason text,
    country text,
    refunded_at timestamptz not null,
    last_event_id uuid not null,
    last_event_at timestamptz not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (project_id, refund_id)
  )`,
  sql`create index refunds_refunded_idx on refunds (project_id, refunded_at)`,
  sql`create index refunds_customer_idx on refunds (project_id, customer_id, refunded_at) where customer_id is not null`,
  sql`create index refunds_order_idx on refunds (project_id, order_id) where order_id is not null`,
  sql`create table refund_items (
    project_id uuid not null,
    refund_id text not null,
    line_no integer not null,
    product_id text not null,
    name text,
    category text,
    quantity integer not null,
    unit_price_e4 bigint,
    primary key (project_id, refund_id, line_no),
    foreign key (project_id, refund_id) references refunds (project_id, refund_id) on delete cascade
  )`,
  sql`alter table customers add column gross_spent_minor bigint not null default 0`,
  sql`alter table customers add column refunded_minor bigint not null default 0`,
  sql`alter table customers add column rfm_recency smallint`,
  sql`alter table customers add column rfm_frequency smallint`,
  sql`alter table customers add column rfm_monetary smallint`,
  sql`alter table customers add column segment text`,
  sql`create index customers_segment_idx on customers (project_id, segment, customer_id)`,
  sql`create index customers_last_purchase_idx on customers (project_id, last_purchase_at, customer_id)`,
  // Days (in the project's time zone) whose rollups must be recomputed. Append-only,
  // without a unique key, so concurrent ingestion never waits on it; readers consume it.
  sql`create table analytics_changes (
    project_id uuid not null references projects (id) on delete cascade,
    day date not null
  )`,
  sql`create index analytics_changes_project_idx on analytics_changes (project_id)`,
  sql`create table daily_sales (
    project_id uuid not null references projects (id) on delete cascade,
    day date not null,
    gross_minor bigint not null,
    refunds_minor bigint not null,
    guest_gross_minor bigint not null,
    orders integer not null,
    items_sold bigint not null,
    items_returned bigint not null,
    primary key (project_id, day)
  )`,
  sql`create table daily_product_sales (
    project_id uuid not null references projects (id) on delete cascade,
    day date not null,
    product_id text not null,
    name text,
    gross_e4 bigint not null,
    refunds_e4 bigint not null,
    quantity bigint not null,
    returned_quantity bigint not null,
    orders integer not null,
    primary key (project_id, day, product_id)
  )`,
]

const DOWN = [
  sql`drop table if exists daily_product_sales`,
  sql`drop table if exists daily_sales`,
  sql`drop table if exists analytics_changes`,
  sql`drop index if exists customers_last_purchase_idx`,
  sql`drop index if exists customers_segment_idx`,
  sql`alter table customers drop column if exists segment`,
  sql`alter table customers drop column if exists rfm_monetary`,
  sql`alter table customers drop column if exists rfm_frequency`,
  sql`alter table customers drop column if exists rfm_recency`,
  sql`alter table customers drop column if exists refunded_minor`,
  sql`alter table customers drop column if exists gross_spent_minor`,
  sql`drop table if exists refund_items`,
  sql`drop table if exists refunds`,
  sql`alter table purchases drop column if exists country`,
]

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await statement.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await statement.execute(db)
}
