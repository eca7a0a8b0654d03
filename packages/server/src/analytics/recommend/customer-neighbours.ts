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
 *
 * Only the customers at or above the k-th best similarity are sorted (found with a quick
 * selection over the similarities alone), not every customer who shares a product: the same result, in a
 * fraction of the time for a customer of popular products.
 */
export function findNeighbours(index: PurchaseIndex, customer: number, k: number, overlap: Float64Array): Neighbour[] {
  const items = index.itemsOf[customer]
  if (!items || items.length === 0 || k <= 0) return []
  const touched: number[] = []
  for (const item of items) {
    const buyers = index.buyersOf[item]
    if (!buyers) continue
    for (let at = 0; at < buyers.length; at++) {
      const other = buyers[at] as number
      if (other === customer) continue
      if (overlap[other] === 0) touched.push(other)
      overlap[other] = (overlap[other] ?? 0) + 1
    }
  }
  const similarities = new Float64Array(touched.length)
  for (let at = 0; at < touched.length; at++) {
    const other = touched[at] as number
    similarities[at] = (overlap[other] ?? 0) / Math.sqrt(items.length * (index.itemsOf[other]?.length ?? 1))
    overlap[other] = 0
  }
  // Everyone at or above the k-th best similarity; ties at that value are all kept, so the
  // sort by (similarity, customer) below picks exactly the customers a full sort would.
  const threshold = touched.length > k ? kthLargest(Float64Array.from(similarities), k) : Number.NEGATIVE_INFINITY
  const neighbours: Neighbour[] = []
  for (let at = 0; at < touched.length; at++) {
    const similarity = similarities[at] ?? 0
    if (similarity >= threshold) neighbours.push({ customer: touched[at] as number, similarity })
  }
  neighbours.sort((x, y) => y.similarity - x.similarity || x.customer - y.customer)
  return neighbours.length > k ? neighbours.slice(0, k) : neighbours
}

/** The k-th largest of `values` (1 ≤ k ≤ length), by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  const target = values.length - k
  let low = 0
  let high = values.length - 1
  while (low < high) {
    const pivot = values[(low + high) >>> 1] ?? 0
    let i = low
    let j = high
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++
      while ((values[j] ?? 0) > pivot) j--
      if (i <= j) {
        const swap = values[i] ?? 0
        values[i] = values[j] ?? 0
        values[j] = swap
        i++
        j--
      }
    }
    if (target <= j) high = j
    else if (target >= i) low = i
    else break
  }
  return values[target] ?? 0
}
