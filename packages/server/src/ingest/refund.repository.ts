import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import { chunk, type RefundUpsert } from './fold-events.js'

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

const incomingRefundIsNewer = sql<boolean>`(excluded.last_event_at >= refunds.last_event_at)`

function refundField<T>(column: 'amount_minor' | 'currency' | 'refunded_at' | 'last_event_id') {
  return sql<T>`case when ${incomingRefundIsNewer} then ${sql.ref(`excluded.${column}`)} else ${sql.ref(`refunds.${column}`)} end`
}

function refundOptionalField(column: 'order_id' | 'customer_id' | 'reason' | 'country') {
  const incoming = sql.ref(`excluded.${column}`)
  const stored = sql.ref(`refunds.${column}`)
  return sql<string | null>`case when ${incomingRefundIsNewer} then coalesce(${incoming}, ${stored}) else coalesce(${stored}, ${incoming}) end`
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
          order_id: refundOptionalField('order_id'),
          customer_id: refundOptionalField('customer_id'),
          reason: refundOptionalField('reason'),
          country: refundOptionalField('country'),
          amount_minor: refundField<bigint>('amount_minor'),
          currency: refundField<string>('currency'),
          refunded_at: refundField<Date>('refunded_at'),
          last_event_id: refundField<string>('last_event_id'),
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
    (refund.items ?? []).map((item, index) => ({
      project_id: projectId,
      refund_id: refund.refundId,
      line_no: index + 1,
      product_id: item.productId,
      name: item.name,
      category: item.category,
      quantity: item.quantity,
      unit_price_e4: item.unitPriceE4,
    })),
  )
  for (const part of chunk(lines, ROWS_PER_STATEMENT)) await db.insertInto('refund_items').values(part).execute()
}
