import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { PurchaseUpsert } from './fold-events.js'
import { lineColumns, newestKnownValue, newestValue } from './newest-event-wins.js'
import type { NormalizedEvent, NormalizedTrack } from './normalized-event.js'
import { textColumn } from './sql-arrays.js'

type Db = Kysely<Database>

// Every write below takes its rows as one array per column (`unnest`): one
// parameter per column, the same statement text for every batch, no bind limit.

/**
 * Records event ids in the ledger and returns those not seen before. The
 * primary key decides, so two servers handling the same retried batch at
 * once store it once: the second insert waits for the first and finds it there.
 * Ids are claimed in key order, so concurrent batches cannot deadlock here.
 */
export async function claimEventIds(db: Db, projectId: string, events: readonly NormalizedEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set()
  const { rows } = await sql<{ event_id: string }>`
    insert into events (project_id, event_id, type)
    select ${projectId}::uuid, e.event_id, e.type
    from unnest(
      ${textColumn(events, (event) => event.eventId)}::text[]::uuid[],
      ${textColumn(events, (event) => event.type)}::text[]
    ) as e(event_id, type)
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

/** The orders as stored before this batch: their owner and dates may change. */
export async function currentOrders(db: Db, projectId: string, orderIds: readonly string[]): Promise<StoredOrder[]> {
  if (orderIds.length === 0) return []
  const { rows } = await sql<StoredOrder>`
    select order_id, customer_id, country, ordered_at, refunded_at
    from purchases
    where project_id = ${projectId} and order_id = any(${[...new Set(orderIds)]}::text[])
  `.execute(db)
  return rows
}

/** What the upsert did to one order. */
export interface UpsertedOrder {
  /** Whether the stored fields now come from this batch (its event is the newest). */
  applied: boolean
  /** Whether the row did not exist before this statement. */
  inserted: boolean
}

/**
 * Creates or updates orders: one row per order id, whatever was sent before.
 * Rows go in order id order (the fold sorts them), so concurrent batches lock
 * shared orders in the same order.
 */
export async function upsertPurchases(db: Db, projectId: string, rows: readonly PurchaseUpsert[]): Promise<Map<string, UpsertedOrder>> {
  const out = new Map<string, UpsertedOrder>()
  if (rows.length === 0) return out
  const winners = new Map(rows.map((row) => [row.orderId, row.eventId]))
  const result = await db
    .insertInto('purchases')
    .columns([
      'project_id',
      'order_id',
      'customer_id',
      'amount_minor',
      'currency',
      'status',
      'source',
      'channel',
      'country',
      'ordered_at',
      'refunded_at',
      'last_event_id',
      'last_event_at',
    ])
    .expression(
      sql`select ${projectId}::uuid, p.* from unnest(
        ${textColumn(rows, (row) => row.orderId)}::text[],
        ${textColumn(rows, (row) => row.customerId)}::text[],
        ${textColumn(rows, (row) => row.amountMinor)}::text[]::int8[],
        ${textColumn(rows, (row) => row.currency)}::text[],
        ${textColumn(rows, (row) => row.status)}::text[],
        ${textColumn(rows, (row) => row.source)}::text[],
        ${textColumn(rows, (row) => row.channel)}::text[],
        ${textColumn(rows, (row) => row.country)}::text[],
        ${textColumn(rows, (row) => row.orderedAt)}::text[]::timestamptz[],
        ${textColumn(rows, (row) => row.refundedAt)}::text[]::timestamptz[],
        ${textColumn(rows, (row) => row.eventId)}::text[]::uuid[],
        ${textColumn(rows, (row) => row.lastEventAt)}::text[]::timestamptz[]
      ) as p`,
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
    // xmax is 0 on a row this statement inserted, and set on one it updated (the row lock).
    .returning(['order_id', 'last_event_id', sql<boolean>`xmax = 0`.as('inserted')])
    .execute()
  for (const row of result) {
    out.set(row.order_id, { applied: winners.get(row.order_id) === row.last_event_id, inserted: row.inserted })
  }
  return out
}

/**
 * Writes the lines of orders whose newest event carried items. Only orders
 * that existed before (`replace`) can have old lines to delete first.
 */
export async function writeItems(db: Db, projectId: string, orders: readonly PurchaseUpsert[], replace: ReadonlySet<string>): Promise<void> {
  const replaced = orders.filter((order) => replace.has(order.orderId)).map((order) => order.orderId)
  if (replaced.length > 0) {
    await sql`delete from purchase_items where project_id = ${projectId} and order_id = any(${replaced}::text[])`.execute(db)
  }
  const lines = orders.flatMap((order) => lineColumns(order.items ?? []).map((line) => ({ orderId: order.orderId, ...line })))
  if (lines.length === 0) return
  await sql`
    insert into purchase_items (project_id, order_id, line_no, product_id, name, category, quantity, unit_price_e4)
    select ${projectId}::uuid, l.* from unnest(
      ${textColumn(lines, (line) => line.orderId)}::text[],
      ${textColumn(lines, (line) => line.line_no)}::text[]::int4[],
      ${textColumn(lines, (line) => line.product_id)}::text[],
      ${textColumn(lines, (line) => line.name)}::text[],
      ${textColumn(lines, (line) => line.category)}::text[],
      ${textColumn(lines, (line) => line.quantity)}::text[]::int4[],
      ${textColumn(lines, (line) => line.unit_price_e4)}::text[]::int8[]
    ) as l
  `.execute(db)
}

export async function insertInteractions(db: Db, projectId: string, events: readonly NormalizedTrack[]): Promise<void> {
  if (events.length === 0) return
  await sql`
    insert into interactions (project_id, event_id, customer_id, name, properties, occurred_at)
    select ${projectId}::uuid, i.* from unnest(
      ${textColumn(events, (event) => event.eventId)}::text[]::uuid[],
      ${textColumn(events, (event) => event.customerId)}::text[],
      ${textColumn(events, (event) => event.name)}::text[],
      ${textColumn(events, (event) => JSON.stringify(event.properties))}::text[]::jsonb[],
      ${textColumn(events, (event) => event.occurredAt)}::text[]::timestamptz[]
    ) as i
    on conflict (project_id, event_id) do nothing
  `.execute(db)
}
