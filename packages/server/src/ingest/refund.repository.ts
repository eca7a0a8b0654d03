import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import { chunk, type RefundUpsert } from './fold-events.js'
import { lineColumns, newestKnownValue, newestValue } from './newest-event-wins.js'

type Db = Kysely<Database>

const ROWS_PER_STATEMENT = 1000

export interface StoredRefund {
  refund_id: string
  customer_id: string | null
  refunded_at: Date
}

/** The refunds as stored before this batch (their customer and date may change). */
export async function currentRefunds(db: Db, projectId: string, refundIds: readonly string[]): Promise<StoredRefund[]> {
  const out: StoredRefund[] = []
  for (const part of chunk(refundIds, ROWS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('refunds')
      .select(['refund_id', 'customer_id', 'refunded_at'])
      .where('project_id', '=', projectId)
      .where('refund_id', 'in', part)
      .execute()
    out.push(...rows)
  }
  return out
}

/** Creates or updates refunds; returns those whose stored fields now come from this batch. */
export async function upsertRefunds(db: Db, projectId: string, rows: readonly RefundUpsert[]): Promise<Set<string>> {
  const applied = new Set<string>()
  const winners = new Map(rows.map((row) => [row.refundId, row.eventId]))
  for (const part of chunk(rows, ROWS_PER_STATEMENT)) {
    const result = await db
      .insertInto('refunds')
      .values(
        part.map((row) => ({
          project_id: projectId,
          refund_id: row.refundId,
          order_id: row.orderId,
          customer_id: row.customerId,
          amount_minor: row.amountMinor,
          currency: row.currency,
          reason: row.reason,
          country: row.country,
          refunded_at: row.refundedAt,
          last_event_id: row.eventId,
          last_event_at: row.lastEventAt,
        })),
      )
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
  }
  return applied
}

/** Replaces the returned lines of refunds whose newest event carried items. */
export async function replaceRefundItems(db: Db, projectId: string, refunds: readonly RefundUpsert[]): Promise<void> {
  if (refunds.length === 0) return
  for (const part of chunk(
    refunds.map((refund) => refund.refundId),
    ROWS_PER_STATEMENT,
  )) {
    await db.deleteFrom('refund_items').where('project_id', '=', projectId).where('refund_id', 'in', part).execute()
  }
  const lines = refunds.flatMap((refund) =>
    lineColumns(refund.items ?? []).map((line) => ({ project_id: projectId, refund_id: refund.refundId, ...line })),
  )
  for (const part of chunk(lines, ROWS_PER_STATEMENT)) await db.insertInto('refund_items').values(part).execute()
}
