import type { IngestResult } from '@rapport/shared'
import type { Kysely, Transaction } from 'kysely'
import { changedDaysInsert, markChangedDays } from '../analytics/changed-days.js'
import type { Database } from '../db/schema.js'
import { inTransaction } from '../db/transaction.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { lockCustomers, refreshCustomerTotals, upsertCustomers } from './customer.repository.js'
import { planCustomerTotals } from './customer-totals-delta.js'
import { foldCustomers, foldPurchases, foldRefunds } from './fold-events.js'
import { claimEventIds, currentOrders, insertInteractions, insertNewPurchases, replaceItems, upsertPurchases } from './ingest.repository.js'
import type { NormalizedEvent, NormalizedTrack } from './normalized-event.js'
import { currentRefunds, replaceRefundItems, upsertRefunds } from './refund.repository.js'

export type StoreOutcome = { eventId: string; status: IngestResult['status'] } | { eventId: string; failed: string }

/**
 * One batch in one transaction. Locks are taken in one order: event ids, orders
 * (all of the batch's at once, in order id order), refunds, then customers —
 * last, because they are the rows concurrent batches share, so another batch
 * waits only for this one's last statements. Only customers with a newer
 * profile or recomputed totals are locked: new orders append their additions
 * to `customer_changes`, folded in before the next read. In the usual batch
 * (new orders only) that is three statements: event ids; orders, lines and
 * changed days; customers and their changes.
 */
async function storeFresh(trx: Transaction<Database>, project: ProjectRow, events: readonly NormalizedEvent[]): Promise<Set<string>> {
  const fresh = await claimEventIds(trx, project.id, events)
  const newEvents = events.filter((event) => fresh.has(event.eventId))
  if (newEvents.length === 0) return fresh

  // Customers whose totals change other than by a new order: owners of changed
  // orders and of refunds, before and after.
  const otherChanges = new Set<string>()
  const purchases = foldPurchases(newEvents)
  const refunds = foldRefunds(newEvents)
  // Instants whose local days need their rollups recomputed: the batch's own
  // now, the ones stored before it changed them later.
  const changedAt: Date[] = []
  for (const purchase of purchases) {
    changedAt.push(purchase.orderedAt)
    if (purchase.refundedAt) changedAt.push(purchase.refundedAt)
  }
  for (const refund of refunds) changedAt.push(refund.refundedAt)

  // With orders, their days are marked by the statement inserting them; without, at the end with the days changed later.
  const inserted =
    purchases.length > 0 ? await insertNewPurchases(trx, project.id, purchases, changedDaysInsert(project.id, project.timezone, changedAt)) : new Set<string>()
  const previousAt: Date[] = purchases.length > 0 ? [] : changedAt
  const newOrders = purchases.filter((purchase) => inserted.has(purchase.orderId))
  const storedBefore = purchases.filter((purchase) => !inserted.has(purchase.orderId))

  // Orders that existed are locked now: what is read of them stays true until commit.
  const linkedOrderIds = refunds.flatMap((refund) => (refund.orderId === null ? [] : [refund.orderId]))
  const stored = await currentOrders(trx, project.id, [...storedBefore.map((purchase) => purchase.orderId), ...linkedOrderIds])
  const storedOrders = new Map(stored.map((order) => [order.order_id, order]))
  for (const purchase of storedBefore) {
    const before = storedOrders.get(purchase.orderId)
    if (purchase.customerId !== null) otherChanges.add(purchase.customerId)
    if (before?.customer_id) otherChanges.add(before.customer_id)
    if (before) previousAt.push(before.ordered_at)
    if (before?.refunded_at) previousAt.push(before.refunded_at)
  }
  if (storedBefore.length > 0) {
    const applied = await upsertPurchases(trx, project.id, storedBefore)
    await replaceItems(
      trx,
      project.id,
      storedBefore.filter((purchase) => purchase.items !== null && applied.has(purchase.orderId)),
    )
  }

  if (refunds.length > 0) {
    const previousRefunds = await currentRefunds(
      trx,
      project.id,
      refunds.map((refund) => refund.refundId),
    )
    // A refund without a customer or country takes them from its order, when the order is known.
    const batchOrders = new Map(purchases.map((purchase) => [purchase.orderId, purchase]))
    for (const refund of refunds) {
      const inBatch = refund.orderId === null ? undefined : batchOrders.get(refund.orderId)
      const order = refund.orderId === null ? undefined : storedOrders.get(refund.orderId)
      refund.customerId ??= inBatch?.customerId ?? order?.customer_id ?? null
      refund.country ??= inBatch?.country ?? order?.country ?? null
      if (refund.customerId !== null) otherChanges.add(refund.customerId)
    }
    for (const before of previousRefunds) {
      if (before.customer_id !== null) otherChanges.add(before.customer_id)
      previousAt.push(before.refunded_at)
    }
    const applied = await upsertRefunds(trx, project.id, refunds)
    await replaceRefundItems(
      trx,
      project.id,
      refunds.filter((refund) => refund.items !== null && applied.has(refund.refundId)),
    )
  }

  const tracks = newEvents.filter((event): event is NormalizedTrack => event.type === 'track')
  await insertInteractions(trx, project.id, tracks)
  await markChangedDays(trx, project.id, project.timezone, previousAt)

  const totals = planCustomerTotals(newOrders, otherChanges, project.currency)
  const customers = foldCustomers(newEvents)
  await upsertCustomers(trx, project.id, customers, totals.deltas)
  await lockCustomers(trx, project.id, [...totals.recompute])
  await refreshCustomerTotals(trx, project, [...totals.recompute])
  return fresh
}

// Data exceptions (22xxx) and integrity violations (23xxx): a value the
// contracts let through but the database refuses. Isolated per event below.
function isDataError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : ''
  return code.startsWith('22') || code.startsWith('23')
}

/**
 * Stores validated events exactly once: an event id already stored (or repeated
 * in the batch) is reported as a duplicate and changes nothing. The batch is one
 * transaction; if the database refuses one event, each event is retried alone so
 * the others are still stored and only the bad one fails.
 */
export async function storeEvents(db: Kysely<Database>, project: ProjectRow, events: readonly NormalizedEvent[]): Promise<StoreOutcome[]> {
  const firstIndex = new Map<string, NormalizedEvent>()
  for (const event of events) if (!firstIndex.has(event.eventId)) firstIndex.set(event.eventId, event)
  const unique = [...firstIndex.values()]

  const outcomes = (fresh: Set<string>, failed = new Map<string, string>()): StoreOutcome[] => {
    const reported = new Set<string>()
    return events.map((event) => {
      const failure = failed.get(event.eventId)
      if (failure !== undefined) return { eventId: event.eventId, failed: failure }
      const first = !reported.has(event.eventId)
      reported.add(event.eventId)
      return { eventId: event.eventId, status: first && fresh.has(event.eventId) ? 'accepted' : 'duplicate' }
    })
  }

  try {
    return outcomes(await inTransaction(db, (trx) => storeFresh(trx, project, unique)))
  } catch (error) {
    if (!isDataError(error)) throw error
  }
  const fresh = new Set<string>()
  const failed = new Map<string, string>()
  for (const event of unique) {
    try {
      for (const id of await inTransaction(db, (trx) => storeFresh(trx, project, [event]))) fresh.add(id)
    } catch (error) {
      if (!isDataError(error)) throw error
      failed.set(event.eventId, 'The database refused a value of this event')
    }
  }
  return outcomes(fresh, failed)
}
