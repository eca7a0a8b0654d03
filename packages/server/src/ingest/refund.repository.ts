import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { RefundUpsert } from './fold-events.js'
import { columnList, type JsonColumn, jsonRows } from './json-rows.js'
import { lineJsonColumns, lineRowsOf } from './line-rows.js'
import { newestKnownValue, newestValue } from './newest-event-wins.js'

type Db = Kysely<Database>

// As for orders (ingest.repository.ts): every write takes its rows as one JSON parameter.

export interface StoredRefund {
  refund_id: string
  customer_id: string | null
  refunded_at: Date
}

/** The refunds as stored before this batch (their customer and date may change). */
export async function currentRefunds(db: Db, projectId: string, refundIds: readonly string[]): Promise<StoredRefund[]> {
  if (refundIds.length === 0) return []
  const { rows } = await sql<StoredRefund>`
    select refund_id, customer_id, refunded_at from refunds
    where project_id = ${projectId} and refund_id = any(${refundIds}::text[])
  `.execute(db)
  return rows
}

const REFUND_COLUMNS: JsonColumn<RefundUpsert, keyof Database['refunds'] & string>[] = [
  { name: 'refund_id', type: 'text', pick: (row) => row.refundId },
  { name: 'order_id', type: 'text', pick: (row) => row.orderId },
  { name: 'customer_id', type: 'text', pick: (row) => row.customerId },
  { name: 'amount_minor', type: 'int8', pick: (row) => row.amountMinor },
  { name: 'currency', type: 'text', pick: (row) => row.currency },
  { name: 'reason', type: 'text', pick: (row) => row.reason },
  { name: 'country', type: 'text', pick: (row) => row.country },
  { name: 'refunded_at', type: 'timestamptz', pick: (row) => row.refundedAt },
  { name: 'last_event_id', type: 'uuid', pick: (row) => row.eventId },
  { name: 'last_event_at', type: 'timestamptz', pick: (row) => row.lastEventAt },
]

/** Creates or updates refunds; returns those whose stored fields now come from this batch. */
export async function upsertRefunds(db: Db, projectId: string, rows: readonly RefundUpsert[]): Promise<Set<string>> {
  const applied = new Set<string>()
  if (rows.length === 0) return applied
  const winners = new Map(rows.map((row) => [row.refundId, row.eventId]))
  const result = await db
    .insertInto('refunds')
    .columns(['project_id', ...REFUND_COLUMNS.map((column) => column.name)])
    .expression(sql`select ${projectId}::uuid, f.* from ${jsonRows(rows, REFUND_COLUMNS)} as f`)
    .onConflict((conflict) =>
      conflict.columns(['project_id', 'refund_id']).doUpdateSet({
        order_id: newestKnownValue('refunds', 'order_id'),
        customer_id: newestKnownValue('refunds', 'customer_id'),
        reason: newestKnownValue('refunds', 'reason'),
        country: newestKnownValue('refunds', 'country'),
        amount_minor: newestValue<bigint>('refunds', 'amount_minor'),
        currency: newestValue<string>('refunds', 'currency'),
        refunded_at: newestValue<Date>('refunds', 'refunded_at'),
        last_event_id: newestValue<string>('refunds', 'last_event_id'),
        last_event_at: sql<Date>`greatest(refunds.last_event_at, excluded.last_event_at)`,
        updated_at: sql<Date>`now()`,
      }),
    )
    .returning(['refund_id', 'last_event_id'])
    .execute()
  for (const row of result) if (winners.get(row.refund_id) === row.last_event_id) applied.add(row.refund_id)
  return applied
}

const LINE_COLUMNS = lineJsonColumns('refund_id')

/** Replaces the returned lines of refunds whose newest event carried items. */
export async function replaceRefundItems(db: Db, projectId: string, refunds: readonly RefundUpsert[]): Promise<void> {
  if (refunds.length === 0) return
  const ids = refunds.map((refund) => refund.refundId)
  await sql`delete from refund_items where project_id = ${projectId} and refund_id = any(${ids}::text[])`.execute(db)
  const lines = lineRowsOf(refunds, (refund) => refund.refundId, (refund) => refund.items)
  if (lines.length === 0) return
  await sql`
    insert into refund_items (project_id, ${columnList(LINE_COLUMNS)})
    select ${projectId}::uuid, l.* from ${jsonRows(lines, LINE_COLUMNS)} as l
  `.execute(db)
}
