import type { PurchaseUpsert } from './fold-events.js'

/** What a batch's new orders add to one customer's totals. */
export interface CustomerTotalsDelta {
  orders: number
  refundedOrders: number
  /** Completed orders in the project's currency, in minor units (net spend grows by the same). */
  grossMinor: bigint
  firstPurchaseAt: Date | null
  lastPurchaseAt: Date | null
}

export interface CustomerTotalsPlan {
  /** Customers the batch only gives new orders: their totals grow by these additions. */
  deltas: Map<string, CustomerTotalsDelta>
  /** Customers whose totals must be recomputed from their stored orders and refunds. */
  recompute: Set<string>
}

/**
 * Decides how each customer's totals follow a batch. An order the batch created
 * adds exactly its own figures, whatever else is stored; a changed or moved order
 * or a refund changes totals by an amount that depends on the stored rows, so
 * those customers (`otherChanges`) are recomputed instead, new orders included.
 */
export function planCustomerTotals(newOrders: readonly PurchaseUpsert[], otherChanges: ReadonlySet<string>, currency: string): CustomerTotalsPlan {
  const deltas = new Map<string, CustomerTotalsDelta>()
  for (const order of newOrders) {
    if (order.customerId === null || otherChanges.has(order.customerId)) continue
    let delta = deltas.get(order.customerId)
    if (!delta) {
      delta = { orders: 0, refundedOrders: 0, grossMinor: 0n, firstPurchaseAt: null, lastPurchaseAt: null }
      deltas.set(order.customerId, delta)
    }
    if (order.status === 'completed') {
      delta.orders += 1
      if (order.currency === currency) delta.grossMinor += order.amountMinor
    } else {
      delta.refundedOrders += 1
    }
    if (delta.firstPurchaseAt === null || order.orderedAt < delta.firstPurchaseAt) delta.firstPurchaseAt = order.orderedAt
    if (delta.lastPurchaseAt === null || order.orderedAt > delta.lastPurchaseAt) delta.lastPurchaseAt = order.orderedAt
  }
  return { deltas, recompute: new Set(otherChanges) }
}
