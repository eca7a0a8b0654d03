import type { PurchaseIndex } from './purchase-index.js'

/** A customer with a similar purchase history. */
export interface Neighbour {
  customer: number
  /** Cosine similarity of the two sets of products bought, in (0, 1]. */
  similarity: number
}

/**
 * The `k` customers most similar to `customer` by cosine similarity of their product sets
 * (|A ∩ B| / √(|A|·|B|)), best first, ties by customer id. Overlaps are counted through the
 * buyers of each of the customer's products, so the cost is the sum of those buyer lists, not
 * the number of customers squared. `overlap` is a caller-owned scratch array of one slot per
 * customer, all zero on entry and left all zero on return.
 */
export function findNeighbours(index: PurchaseIndex, customer: number, k: number, overlap: Float64Array): Neighbour[] {
  const items = index.itemsOf[customer]
  if (!items || items.length === 0 || k <= 0) return []
  const touched: number[] = []
  for (const item of items) {
    for (const other of index.buyersOf[item] ?? []) {
      if (other === customer) continue
      if (overlap[other] === 0) touched.push(other)
      overlap[other] = (overlap[other] ?? 0) + 1
    }
  }
  const neighbours: Neighbour[] = touched.map((other) => ({
    customer: other,
    similarity: (overlap[other] ?? 0) / Math.sqrt(items.length * (index.itemsOf[other]?.length ?? 1)),
  }))
  for (const other of touched) overlap[other] = 0
  neighbours.sort((x, y) => y.similarity - x.similarity || x.customer - y.customer)
  return neighbours.slice(0, k)
}
