import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { CustomerTotalsDelta } from './customer-totals-delta.js'
import type { CustomerUpsert } from './fold-events.js'
import { textColumn } from './sql-arrays.js'

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

/**
 * Creates or merges customers, in customer id order (the fold sorts them) so
 * concurrent batches cannot deadlock, and adds `deltas` (the batch's new
 * orders) to their totals. The additions apply to the row as it is once locked,
 * so they stay right whatever other batches committed meanwhile. Locks the rows
 * for the rest of the transaction.
 */
export async function upsertCustomers(
  db: Db,
  projectId: string,
  rows: readonly CustomerUpsert[],
  deltas: ReadonlyMap<string, CustomerTotalsDelta>,
): Promise<void> {
  if (rows.length === 0) return
  const delta = (row: CustomerUpsert) => deltas.get(row.customerId)
  await sql`
    insert into customers (
      project_id, customer_id, email, name, phone, traits, profile_updated_at, first_seen_at, last_seen_at,
      orders_count, refunded_orders_count, gross_spent_minor, net_spent_minor, first_purchase_at, last_purchase_at
    )
    select ${projectId}::uuid, c.customer_id, c.email, c.name, c.phone, c.traits, c.profile_at, c.first_seen_at, c.last_seen_at,
      c.orders, c.refunded_orders, c.gross, c.gross, c.first_purchase_at, c.last_purchase_at
    from unnest(
      ${textColumn(rows, (row) => row.customerId)}::text[],
      ${textColumn(rows, (row) => row.email)}::text[],
      ${textColumn(rows, (row) => row.name)}::text[],
      ${textColumn(rows, (row) => row.phone)}::text[],
      ${textColumn(rows, (row) => JSON.stringify(row.traits))}::text[]::jsonb[],
      ${textColumn(rows, (row) => row.profileAt)}::text[]::timestamptz[],
      ${textColumn(rows, (row) => row.firstSeenAt)}::text[]::timestamptz[],
      ${textColumn(rows, (row) => row.lastSeenAt)}::text[]::timestamptz[],
      ${textColumn(rows, (row) => delta(row)?.orders ?? 0)}::text[]::int4[],
      ${textColumn(rows, (row) => delta(row)?.refundedOrders ?? 0)}::text[]::int4[],
      ${textColumn(rows, (row) => delta(row)?.grossMinor ?? 0n)}::text[]::int8[],
      ${textColumn(rows, (row) => delta(row)?.firstPurchaseAt ?? null)}::text[]::timestamptz[],
      ${textColumn(rows, (row) => delta(row)?.lastPurchaseAt ?? null)}::text[]::timestamptz[]
    ) as c(customer_id, email, name, phone, traits, profile_at, first_seen_at, last_seen_at, orders, refunded_orders, gross, first_purchase_at, last_purchase_at)
    on conflict (project_id, customer_id) do update set
      email = ${newerWins('email')},
      name = ${newerWins('name')},
      phone = ${newerWins('phone')},
      traits = case when ${incomingProfileIsNewer} then customers.traits || excluded.traits else excluded.traits || customers.traits end,
      profile_updated_at = greatest(customers.profile_updated_at, excluded.profile_updated_at),
      first_seen_at = least(customers.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(customers.last_seen_at, excluded.last_seen_at),
      orders_count = customers.orders_count + excluded.orders_count,
      refunded_orders_count = customers.refunded_orders_count + excluded.refunded_orders_count,
      gross_spent_minor = customers.gross_spent_minor + excluded.gross_spent_minor,
      net_spent_minor = customers.net_spent_minor + excluded.gross_spent_minor,
      first_purchase_at = least(customers.first_purchase_at, excluded.first_purchase_at),
      last_purchase_at = greatest(customers.last_purchase_at, excluded.last_purchase_at),
      updated_at = now()
  `.execute(db)
}

/** Locks customers not already locked by `upsertCustomers` (previous owners of moved orders and refunds). */
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
 * the locks, so it includes every batch that held them before.
 */
export async function refreshCustomerTotals(db: Db, project: { id: string; currency: string }, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return
  const ids = [...new Set(customerIds)].sort()
  await sql`
    update customers as c set
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
    where c.project_id = ${project.id} and c.customer_id = a.customer_id
  `.execute(db)
}
