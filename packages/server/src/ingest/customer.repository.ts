import { type Kysely, sql } from 'kysely'
import { takeChanges } from '../customers/apply-customer-changes.js'
import type { Database } from '../db/schema.js'
import type { CustomerTotalsDelta } from './customer-totals-delta.js'
import type { CustomerUpsert } from './fold-events.js'
import { columnList, type JsonColumn, jsonRows } from './json-rows.js'

type Db = Kysely<Database>

// Customer rows are the rows concurrent batches share (many orders, one
// customer), so the ingestion transaction writes them last: a batch waiting for
// another's customers then waits for its last statements, not its whole work.

// The incoming identify is at least as new as the stored profile.
const incomingProfileIsNewer = sql<boolean>`(excluded.profile_updated_at is not null and (customers.profile_updated_at is null or excluded.profile_updated_at >= customers.profile_updated_at))`

function newerWins(column: 'email' | 'name' | 'phone') {
  const incoming = sql.ref(`excluded.${column}`)
  const stored = sql.ref(`customers.${column}`)
  return sql`case when ${incomingProfileIsNewer} then coalesce(${incoming}, ${stored}) else coalesce(${stored}, ${incoming}) end`
}

type Change = { row: CustomerUpsert; delta: CustomerTotalsDelta | undefined }

const CHANGE_COLUMNS: JsonColumn<Change>[] = [
  { name: 'customer_id', type: 'text', pick: (c) => c.row.customerId },
  { name: 'orders', type: 'int4', pick: (c) => c.delta?.orders ?? 0 },
  { name: 'refunded_orders', type: 'int4', pick: (c) => c.delta?.refundedOrders ?? 0 },
  { name: 'gross_minor', type: 'int8', pick: (c) => c.delta?.grossMinor ?? 0n },
  { name: 'first_purchase_at', type: 'timestamptz', pick: (c) => c.delta?.firstPurchaseAt ?? null },
  { name: 'last_purchase_at', type: 'timestamptz', pick: (c) => c.delta?.lastPurchaseAt ?? null },
  { name: 'first_seen_at', type: 'timestamptz', pick: (c) => c.row.firstSeenAt },
  { name: 'last_seen_at', type: 'timestamptz', pick: (c) => c.row.lastSeenAt },
]

const BARE_COLUMNS: JsonColumn<CustomerUpsert>[] = [
  { name: 'customer_id', type: 'text', pick: (row) => row.customerId },
  { name: 'first_seen_at', type: 'timestamptz', pick: (row) => row.firstSeenAt },
  { name: 'last_seen_at', type: 'timestamptz', pick: (row) => row.lastSeenAt },
]

const PROFILE_COLUMNS: JsonColumn<CustomerUpsert>[] = [
  { name: 'customer_id', type: 'text', pick: (row) => row.customerId },
  { name: 'email', type: 'text', pick: (row) => row.email },
  { name: 'name', type: 'text', pick: (row) => row.name },
  { name: 'phone', type: 'text', pick: (row) => row.phone },
  { name: 'traits', type: 'jsonb', pick: (row) => row.traits },
  { name: 'profile_updated_at', type: 'timestamptz', pick: (row) => row.profileAt },
  { name: 'first_seen_at', type: 'timestamptz', pick: (row) => row.firstSeenAt },
  { name: 'last_seen_at', type: 'timestamptz', pick: (row) => row.lastSeenAt },
]

/**
 * Creates the batch's customers and merges its identifies into their profiles,
 * and appends what the batch adds to each one's totals and seen times to
 * `customer_changes`, which the next read folds in (`applyCustomerChanges`).
 * Only customers with a newer profile are updated (and locked), in customer id
 * order (the fold sorts them) so concurrent batches cannot deadlock; the rest
 * are inserted if new and otherwise left alone, so batches sharing customers
 * neither wait for each other nor rewrite the customer rows and their indexes.
 */
export async function upsertCustomers(
  db: Db,
  projectId: string,
  rows: readonly CustomerUpsert[],
  deltas: ReadonlyMap<string, CustomerTotalsDelta>,
): Promise<void> {
  if (rows.length === 0) return
  const profiles = rows.filter((row) => row.profileAt !== null)
  const bare = rows.filter((row) => row.profileAt === null)
  const changes = rows.map((row) => ({ row, delta: deltas.get(row.customerId) }))
  await sql`
    with changes as (
      insert into customer_changes (project_id, ${columnList(CHANGE_COLUMNS)})
      select ${projectId}::uuid, c.* from ${jsonRows(changes, CHANGE_COLUMNS)} as c
    ),
    bare as (
      insert into customers (project_id, ${columnList(BARE_COLUMNS)})
      select ${projectId}::uuid, c.* from ${jsonRows(bare, BARE_COLUMNS)} as c
      on conflict (project_id, customer_id) do nothing
    )
    insert into customers (project_id, ${columnList(PROFILE_COLUMNS)})
    select ${projectId}::uuid, c.* from ${jsonRows(profiles, PROFILE_COLUMNS)} as c
    on conflict (project_id, customer_id) do update set
      email = ${newerWins('email')},
      name = ${newerWins('name')},
      phone = ${newerWins('phone')},
      traits = case when ${incomingProfileIsNewer} then customers.traits || excluded.traits else excluded.traits || customers.traits end,
      profile_updated_at = greatest(customers.profile_updated_at, excluded.profile_updated_at),
      updated_at = now()
  `.execute(db)
}

/** Locks customers whose totals the batch recomputes (owners of changed or moved orders and of refunds), in id order. */
export async function lockCustomers(db: Db, projectId: string, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return
  await sql`
    select customer_id from customers
    where project_id = ${projectId} and customer_id = any(${[...customerIds].sort()}::text[])
    order by customer_id
    for update
  `.execute(db)
}

/**
 * Recomputes locked customers' totals from their orders and refunds: for the
 * customers a batch changes other than by new orders (an order updated or moved,
 * a refund), where a delta would depend on what was stored. Recomputing stays
 * right whatever order refunds and retries arrive in; it reads only these
 * customers' rows, through the per-customer indexes. Its snapshot is taken after
 * the locks, so it includes every batch that held them before. It consumes these
 * customers' pending `customer_changes` in the same statement, so in one snapshot:
 * their additions are already in the recount, their seen times are applied.
 */
export async function refreshCustomerTotals(db: Db, project: { id: string; currency: string }, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return
  const ids = [...new Set(customerIds)].sort()
  await sql`
    with ${takeChanges(project.id, ids)}
    update customers as c set
      first_seen_at = least(c.first_seen_at, s.first_seen_at),
      last_seen_at = greatest(c.last_seen_at, s.last_seen_at),
      orders_count = a.orders,
      refunded_orders_count = a.refunded,
      gross_spent_minor = a.gross,
      refunded_minor = r.refunded,
      net_spent_minor = a.gross - r.refunded,
      first_purchase_at = a.first_at,
      last_purchase_at = a.last_at,
      updated_at = now()
    from (
      select k.customer_id,
        (count(p.order_id) filter (where p.status = 'completed'))::int as orders,
        (count(p.order_id) filter (where p.status = 'refunded'))::int as refunded,
        coalesce(sum(p.amount_minor) filter (where p.status = 'completed' and p.currency = ${project.currency}), 0)::bigint as gross,
        min(p.ordered_at) as first_at,
        max(p.ordered_at) as last_at
      from unnest(${ids}::text[]) as k(customer_id)
      left join purchases p on p.project_id = ${project.id} and p.customer_id = k.customer_id
      group by k.customer_id
    ) as a
    join (
      select k.customer_id, coalesce(sum(f.amount_minor) filter (where f.currency = ${project.currency}), 0)::bigint as refunded
      from unnest(${ids}::text[]) as k(customer_id)
      left join refunds f on f.project_id = ${project.id} and f.customer_id = k.customer_id
      group by k.customer_id
    ) as r on r.customer_id = a.customer_id
    left join change as s on s.customer_id = a.customer_id
    where c.project_id = ${project.id} and c.customer_id = a.customer_id
  `.execute(db)
}
