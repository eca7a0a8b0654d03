import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import { type CustomerUpsert, chunk, type PurchaseUpsert } from './fold-events.js'
import { lineColumns, newestKnownValue, newestValue } from './newest-event-wins.js'
import type { NormalizedEvent, NormalizedTrack } from './normalized-event.js'

type Db = Kysely<Database>

// Rows per statement, well under PostgreSQL's 65,535 bind parameters.
const ROWS_PER_STATEMENT = 1000

/**
 * Records event ids in the ledger and returns those not seen before. The
 * primary key decides, so two servers handling the same retried batch at
 * once store it once: the second insert waits for the first and finds it there.
 */
export async function claimEventIds(db: Db, projectId: string, events: readonly NormalizedEvent[]): Promise<Set<string>> {
  const fresh = new Set<string>()
  const sorted = [...events].sort((a, b) => (a.eventId < b.eventId ? -1 : 1))
  for (const rows of chunk(sorted, ROWS_PER_STATEMENT)) {
    const inserted = await db
      .insertInto('events')
      .values(rows.map((event) => ({ project_id: projectId, event_id: event.eventId, type: event.type })))
      .onConflict((conflict) => conflict.columns(['project_id', 'event_id']).doNothing())
      .returning('event_id')
      .execute()
    for (const row of inserted) fresh.add(row.event_id)
  }
  return fresh
}

// The incoming identify is at least as new as the stored profile.
const incomingProfileIsNewer = sql<boolean>`(excluded.profile_updated_at is not null and (customers.profile_updated_at is null or excluded.profile_updated_at >= customers.profile_updated_at))`

function newerWins(column: 'email' | 'name' | 'phone') {
  const incoming = sql.ref(`excluded.${column}`)
  const stored = sql.ref(`customers.${column}`)
  return sql<string | null>`case when ${incomingProfileIsNewer} then coalesce(${incoming}, ${stored}) else coalesce(${stored}, ${incoming}) end`
}

/** Creates or merges customers; locks their rows for the rest of the transaction. */
export async function upsertCustomers(db: Db, projectId: string, rows: readonly CustomerUpsert[]): Promise<void> {
  for (const part of chunk(rows, ROWS_PER_STATEMENT)) {
    await db
      .insertInto('customers')
      .values(
        part.map((row) => ({
          project_id: projectId,
          customer_id: row.customerId,
          email: row.email,
          name: row.name,
          phone: row.phone,
          traits: JSON.stringify(row.traits),
          profile_updated_at: row.profileAt,
          first_seen_at: row.firstSeenAt,
          last_seen_at: row.lastSeenAt,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['project_id', 'customer_id']).doUpdateSet({
          email: newerWins('email'),
          name: newerWins('name'),
          phone: newerWins('phone'),
          // jsonb `||`: keys of the right side win.
          traits: sql<string>`case when ${incomingProfileIsNewer} then customers.traits || excluded.traits else excluded.traits || customers.traits end`,
          profile_updated_at: sql<Date>`greatest(customers.profile_updated_at, excluded.profile_updated_at)`,
          first_seen_at: sql<Date>`least(customers.first_seen_at, excluded.first_seen_at)`,
          last_seen_at: sql<Date>`greatest(customers.last_seen_at, excluded.last_seen_at)`,
          updated_at: sql<Date>`now()`,
        }),
      )
      .execute()
  }
}

export interface StoredOrder {
  order_id: string
  customer_id: string | null
  country: string | null
  ordered_at: Date
  refunded_at: Date | null
}

/** The orders as stored before this batch: their owner and dates may change. */
export async function currentOrders(db: Db, projectId: string, orderIds: readonly string[]): Promise<StoredOrder[]> {
  const out: StoredOrder[] = []
  for (const part of chunk([...new Set(orderIds)], ROWS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('purchases')
      .select(['order_id', 'customer_id', 'country', 'ordered_at', 'refunded_at'])
      .where('project_id', '=', projectId)
      .where('order_id', 'in', part)
      .execute()
    out.push(...rows)
  }
  return out
}

/**
 * Creates or updates orders: one row per order id, whatever was sent before.
 * Returns the orders whose stored fields now come from this batch.
 */
export async function upsertPurchases(db: Db, projectId: string, rows: readonly PurchaseUpsert[]): Promise<Set<string>> {
  const applied = new Set<string>()
  const winners = new Map(rows.map((row) => [row.orderId, row.eventId]))
  for (const part of chunk(rows, ROWS_PER_STATEMENT)) {
    const result = await db
      .insertInto('purchases')
      .values(
        part.map((row) => ({
          project_id: projectId,
          order_id: row.orderId,
          customer_id: row.customerId,
          amount_minor: row.amountMinor,
          currency: row.currency,
          status: row.status,
          source: row.source,
          channel: row.channel,
          country: row.country,
          ordered_at: row.orderedAt,
          refunded_at: row.refundedAt,
          last_event_id: row.eventId,
          last_event_at: row.lastEventAt,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['project_id', 'order_id']).doUpdateSet({
          customer_id: newestKnownValue('purchases', 'customer_id'),
          source: newestKnownValue('purchases', 'source'),
          channel: newestKnownValue('purchases', 'channel'),
          country: newestKnownValue('purchases', 'country'),
          amount_minor: newestValue<bigint>('purchases', 'amount_minor'),
          currency: newestValue<string>('purchases', 'currency'),
          status: newestValue<'completed' | 'refunded'>('purchases', 'status'),
          refunded_at: newestValue<Date | null>('purchases', 'refunded_at'),
          last_event_id: newestValue<string>('purchases', 'last_event_id'),
          last_event_at: sql<Date>`greatest(purchases.last_event_at, excluded.last_event_at)`,
          ordered_at: sql<Date>`least(purchases.ordered_at, excluded.ordered_at)`,
          updated_at: sql<Date>`now()`,
        }),
      )
      .returning(['order_id', 'last_event_id'])
      .execute()
    for (const row of result) if (winners.get(row.order_id) === row.last_event_id) applied.add(row.order_id)
  }
  return applied
}

/** Replaces the lines of orders whose newest event carried items. */
export async function replaceItems(db: Db, projectId: string, orders: readonly PurchaseUpsert[]): Promise<void> {
  if (orders.length === 0) return
  for (const part of chunk(
    orders.map((order) => order.orderId),
    ROWS_PER_STATEMENT,
  )) {
    await db.deleteFrom('purchase_items').where('project_id', '=', projectId).where('order_id', 'in', part).execute()
  }
  const lines = orders.flatMap((order) =>
    lineColumns(order.items ?? []).map((line) => ({ project_id: projectId, order_id: order.orderId, ...line })),
  )
  for (const part of chunk(lines, ROWS_PER_STATEMENT)) await db.insertInto('purchase_items').values(part).execute()
}

export async function insertInteractions(db: Db, projectId: string, events: readonly NormalizedTrack[]): Promise<void> {
  for (const part of chunk(events, ROWS_PER_STATEMENT)) {
    await db
      .insertInto('interactions')
      .values(
        part.map((event) => ({
          project_id: projectId,
          event_id: event.eventId,
          customer_id: event.customerId,
          name: event.name,
          properties: JSON.stringify(event.properties),
          occurred_at: event.occurredAt,
        })),
      )
      .onConflict((conflict) => conflict.columns(['project_id', 'event_id']).doNothing())
      .execute()
  }
}

/** Locks customers not already locked by `upsertCustomers` (previous owners of moved orders). */
export async function lockCustomers(db: Db, projectId: string, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return
  await db
    .selectFrom('customers')
    .select('customer_id')
    .where('project_id', '=', projectId)
    .where('customer_id', 'in', [...customerIds].sort())
    .orderBy('customer_id')
    .forUpdate()
    .execute()
}

/**
 * Recomputes customers' totals from their orders and refunds. Recomputing (rather
 * than adding deltas) stays right whatever order refunds and retries arrive in;
 * it reads only these customers' rows, through the per-customer indexes.
 */
export async function refreshCustomerTotals(db: Db, projectId: string, currency: string, customerIds: readonly string[]): Promise<void> {
  for (const part of chunk([...new Set(customerIds)].sort(), ROWS_PER_STATEMENT)) {
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
          coalesce(sum(p.amount_minor) filter (where p.status = 'completed' and p.currency = ${currency}), 0)::bigint as gross,
          min(p.ordered_at) as first_at,
          max(p.ordered_at) as last_at
        from unnest(${part}::text[]) as k(customer_id)
        left join purchases p on p.project_id = ${projectId} and p.customer_id = k.customer_id
        group by k.customer_id
      ) as a
      join (
        select k.customer_id, coalesce(sum(f.amount_minor) filter (where f.currency = ${currency}), 0)::bigint as refunded
        from unnest(${part}::text[]) as k(customer_id)
        left join refunds f on f.project_id = ${projectId} and f.customer_id = k.customer_id
        group by k.customer_id
      ) as r on r.customer_id = a.customer_id
      where c.project_id = ${projectId} and c.customer_id = a.customer_id
    `.execute(db)
  }
}
