import { type Kysely, sql } from 'kysely'

// Every tenant table leads its primary key and indexes with project_id, so the
// schema can be sharded by project (Citus) without changing a query.
const UP = [
  sql`create table accounts (
    id uuid primary key,
    email text not null,
    name text not null,
    password_hash text not null,
    created_at timestamptz not null default now()
  )`,
  sql`create unique index accounts_email_key on accounts (lower(email))`,
  sql`create table sessions (
    id uuid primary key,
    account_id uuid not null references accounts (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`,
  sql`create index sessions_account_idx on sessions (account_id)`,
  sql`create table projects (
    id uuid primary key,
    account_id uuid not null references accounts (id) on delete cascade,
    name text not null,
    currency text not null,
    timezone text not null,
    created_at timestamptz not null default now()
  )`,
  sql`create index projects_account_idx on projects (account_id, created_at)`,
  sql`create table api_keys (
    project_id uuid not null references projects (id) on delete cascade,
    id uuid not null,
    kind text not null check (kind in ('publishable', 'secret')),
    name text not null,
    prefix text not null,
    key_hash text not null,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz,
    primary key (project_id, id)
  )`,
  // Keys embed their project id, so authentication looks them up by (project, hash).
  sql`create unique index api_keys_hash_key on api_keys (project_id, key_hash)`,
  sql`create table customers (
    project_id uuid not null references projects (id) on delete cascade,
    customer_id text not null,
    email text,
    name text,
    phone text,
    traits jsonb not null default '{}',
    profile_updated_at timestamptz,
    first_seen_at timestamptz not null,
    last_seen_at timestamptz not null,
    orders_count integer not null default 0,
    refunded_orders_count integer not null default 0,
    net_spent_minor bigint not null default 0,
    first_purchase_at timestamptz,
    last_purchase_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (project_id, customer_id)
  )`,
  // One index per sort order of customers.list (keyset pagination on (value, customer_id)).
  sql`create index customers_last_seen_idx on customers (project_id, last_seen_at, customer_id)`,
  sql`create index customers_spent_idx on customers (project_id, net_spent_minor, customer_id)`,
  sql`create index customers_orders_idx on customers (project_id, orders_count, customer_id)`,
  sql`create index customers_created_idx on customers (project_id, created_at, customer_id)`,
  sql`create index customers_email_idx on customers (project_id, lower(email))`,
  sql`create table purchases (
    project_id uuid not null references projects (id) on delete cascade,
    order_id text not null,
    customer_id text,
    amount_minor bigint not null check (amount_minor >= 0),
    currency text not null,
    status text not null check (status in ('completed', 'refunded')),
    source text,
    channel text,
    ordered_at timestamptz not null,
    refunded_at timestamptz,
    last_event_id uuid not null,
    last_event_at timestamptz not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (project_id, order_id)
  )`,
  sql`create index purchases_customer_idx on purchases (project_id, customer_id, ordered_at) where customer_id is not null`,
  sql`create index purchases_ordered_idx on purchases (project_id, ordered_at)`,
  sql`create table purchase_items (
    project_id uuid not null,
    order_id text not null,
    line_no integer not null,
    product_id text not null,
    name text,
    category text,
    quantity integer not null,
    unit_price_e4 bigint,
    primary key (project_id, order_id, line_no),
    foreign key (project_id, order_id) references purchases (project_id, order_id) on delete cascade
  )`,
  sql`create index purchase_items_product_idx on purchase_items (project_id, product_id)`,
  sql`create table interactions (
    project_id uuid not null references projects (id) on delete cascade,
    event_id uuid not null,
    customer_id text not null,
    name text not null,
    properties jsonb not null default '{}',
    occurred_at timestamptz not null,
    received_at timestamptz not null default now(),
    primary key (project_id, event_id)
  )`,
  sql`create index interactions_customer_idx on interactions (project_id, customer_id, occurred_at)`,
  sql`create table events (
    project_id uuid not null references projects (id) on delete cascade,
    event_id uuid not null,
    type text not null,
    received_at timestamptz not null default now(),
    primary key (project_id, event_id)
  )`,
]

const TABLES = ['events', 'interactions', 'purchase_items', 'purchases', 'customers', 'api_keys', 'projects', 'sessions', 'accounts']

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await statement.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await sql`drop table if exists ${sql.table(table)}`.execute(db)
}
