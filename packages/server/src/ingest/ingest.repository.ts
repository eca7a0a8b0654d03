import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { PurchaseUpsert } from './fold-events.js'
import { lineJsonColumns, lineRowsOf } from './line-rows.js'
import { newestKnownValue, newestValue } from './newest-event-wins.js'
import type { NormalizedEvent, NormalizedTrack } from './normalized-event.js'
import { columnList, type JsonColumn, jsonRows } from './json-rows.js'

type Db = Kysely<Database>

// Every write below takes its rows as one JSON parameter (`jsonRows`): the same
// statement text for every batch, no bind limit.

const EVENT_COLUMNS: JsonColumn<NormalizedEvent>[] = [
  { name: 'event_id', type: 'uuid', pick: (event) => event.eventId },
  { name: 'type', type: 'text', pick: (event) => event.type },
]

/**
 * Records event ids in the ledger and returns those not seen before. The
 * primary key decides, so two servers handling the same retried batch at
 * once store it once: the second insert waits for the first and finds it there.
 * Ids are claimed in key order, so concurrent batches cannot deadlock here.
 */
export async function claimEventIds(db: Db, projectId: string, events: readonly NormalizedEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set()
  const { rows } = await sql<{ event_id: string }>`
    insert into events (project_id, ${columnList(EVENT_COLUMNS)})
    select ${projectId}::uuid, e.*
    from ${jsonRows(events, EVENT_COLUMNS)} as e
    order by e.event_id
    on conflict (project_id, event_id) do nothing
    returning event_id
  `.execute(db)
  return new Set(rows.map((row) => row.event_id))
}

export interface StoredOrder {
  order_id: string
  customer_id: string | null
  country: string | null
  ordered_at: Date
  refunded_at: Date | null
}

/**
 * Orders as stored now. Read after `insertNewPurchases` has locked the batch's
 * own orders, so their owner and dates cannot change before the transaction
 * ends (orders only named by a refund are read without a lock).
 */
export async function currentOrders(db: Db, projectId: string, orderIds: readonly string[]): Promise<StoredOrder[]> {
  if (orderIds.length === 0) return []
  const { rows } = await sql<StoredOrder>`
    select order_id, customer_id, country, ordered_at, refunded_at
    from purchases
    where project_id = ${projectId} and order_id = any(${[...new Set(orderIds)]}::text[])
  `.execute(db)
  return rows
}

const ORDER_COLUMNS: JsonColumn<PurchaseUpsert, keyof Database['purchases'] & string>[] = [
  { name: 'order_id', type: 'text', pick: (row) => row.orderId },
  { name: 'customer_id', type: 'text', pick: (row) => row.customerId },
  { name: 'amount_minor', type: 'int8', pick: (row) => row.amountMinor },
  { name: 'currency', type: 'text', pick: (row) => row.currency },
  { name: 'status', type: 'text', pick: (row) => row.status },
  { name: 'source', type: 'text', pick: (row) => row.source },
  { name: 'channel', type: 'text', pick: (row) => row.channel },
  { name: 'country', type: 'text', pick: (row) => row.country },
  { name: 'ordered_at', type: 'timestamptz', pick: (row) => row.orderedAt },
  { name: 'refunded_at', type: 'timestamptz', pick: (row) => row.refundedAt },
  { name: 'last_event_id', type: 'uuid', pick: (row) => row.eventId },
  { name: 'last_event_at', type: 'timestamptz', pick: (row) => row.lastEventAt },
]

/** The batch's orders as a row source for `insert into purchases (project_id, ${columnList(ORDER_COLUMNS)})`. */
function purchaseRows(projectId: string, rows: readonly PurchaseUpsert[]) {
  return sql`select ${projectId}::uuid, p.* from ${jsonRows(rows, ORDER_COLUMNS)} as p`
}

const LINE_COLUMNS = lineJsonColumns('order_id')

/** The lines of these orders as a row source (`order_id` first), numbered from 1. */
function lineRows(projectId: string, orders: readonly PurchaseUpsert[]) {
  const lines = lineRowsOf(orders, (order) => order.orderId, (order) => order.items)
  return sql`select ${projectId}::uuid, l.* from ${jsonRows(lines, LINE_COLUMNS)} as l`
}

/**
 * One statement for the common case, new orders: inserts the orders the
 * database does not have yet, with their lines, and runs `alsoInsert` (the
 * changed days). Orders it already has are left as they are but locked, in
 * order id order (the fold sorts rows) like every batch, so concurrent batches
 * cannot deadlock here and nobody can move them before this transaction ends.
 * Returns the ids of the orders it inserted; the others are for `upsertPurchases`.
 */
export async function insertNewPurchases(
  db: Db,
  projectId: string,
  rows: readonly PurchaseUpsert[],
  alsoInsert: RawBuilder<unknown>,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set()
  const withItems = rows.filter((row) => row.items !== null)
  // `do update … where false` updates nothing but still locks the conflicting row.
  const { rows: inserted } = await sql<{ order_id: string }>`
    with inserted as (
      insert into purchases (project_id, ${columnList(ORDER_COLUMNS)})
      ${purchaseRows(projectId, rows)}
      on conflict (project_id, order_id) do update set updated_at = purchases.updated_at where false
      returning order_id
    ), lines as (
      insert into purchase_items (project_id, ${columnList(LINE_COLUMNS)})
      ${lineRows(projectId, withItems)}
      where l.order_id in (select order_id from inserted)
    ), also as (${alsoInsert})
    select order_id from inserted
  `.execute(db)
  return new Set(inserted.map((row) => row.order_id))
}

/**
 * Updates orders already stored (and locked): each field comes from the newest
 * event. Returns the orders whose stored fields now come from this batch.
 */
export async function upsertPurchases(db: Db, projectId: string, rows: readonly PurchaseUpsert[]): Promise<Set<string>> {
  const applied = new Set<string>()
  if (rows.length === 0) return applied
  const winners = new Map(rows.map((row) => [row.orderId, row.eventId]))
  const result = await db
    .insertInto('purchases')
    .columns(['project_id', ...ORDER_COLUMNS.map((column) => column.name)])
    .expression(purchaseRows(projectId, rows))
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
  return applied
}

/** Replaces the lines of stored orders whose newest event carried items. */
export async function replaceItems(db: Db, projectId: string, orders: readonly PurchaseUpsert[]): Promise<void> {
  if (orders.length === 0) return
  await sql`delete from purchase_items where project_id = ${projectId} and order_id = any(${orders.map((order) => order.orderId)}::text[])`.execute(db)
  await sql`
    insert into purchase_items (project_id, ${columnList(LINE_COLUMNS)})
    ${lineRows(projectId, orders)}
  `.execute(db)
}

const INTERACTION_COLUMNS: JsonColumn<NormalizedTrack>[] = [
  { name: 'event_id', type: 'uuid', pick: (event) => event.eventId },
  { name: 'customer_id', type: 'text', pick: (event) => event.customerId },
  { name: 'name', type: 'text', pick: (event) => event.name },
  { name: 'properties', type: 'jsonb', pick: (event) => event.properties },
  { name: 'occurred_at', type: 'timestamptz', pick: (event) => event.occurredAt },
]

export async function insertInteractions(db: Db, projectId: string, events: readonly NormalizedTrack[]): Promise<void> {
  if (events.length === 0) return
  await sql`
    insert into interactions (project_id, ${columnList(INTERACTION_COLUMNS)})
    select ${projectId}::uuid, i.* from ${jsonRows(events, INTERACTION_COLUMNS)} as i
    on conflict (project_id, event_id) do nothing
  `.execute(db)
}
