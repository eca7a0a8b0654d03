import type { PurchaseIndex } from './purchase-index.js'

/** The customer's product most often co-bought with a recommended one. */
export interface CoPurchase {
  /** The customer's product, or -1 when none was co-bought. */
  product: number
  /** Distinct customers who bought both. */
  customers: number
}

/** Scratch space of {@link coPurchases}, one slot per customer and per product, all zero between calls. */
export interface CoPurchaseScratch {
  marks: Uint32Array
  counts: Int32Array
}

/** Zeroed scratch space for {@link coPurchases} on this index. */
export function createCoPurchaseScratch(index: PurchaseIndex): CoPurchaseScratch {
  return { marks: new Uint32Array(index.customers.length), counts: new Int32Array(index.products.length) }
}

const sum = (lists: readonly Int32Array[], ids: Iterable<number>) => {
  let total = 0
  for (const id of ids) total += lists[id]?.length ?? 0
  return total
}

/**
 * For each of `items` (products the customer never bought), the customer's product most often
 * co-bought with it (distinct customers who bought both; ties to the smaller product id).
 *
 * An item whose buyers' product lists are shorter than the buyer lists of the customer's own
 * products is counted from its buyers; the others share one pass over the customer's products'
 * buyers, each buyer marked with a bit per item (32 items a pass).
 */
export function coPurchases(index: PurchaseIndex, customer: number, items: readonly number[], scratch: CoPurchaseScratch): CoPurchase[] {
  const { marks, counts } = scratch
  const own = index.itemsOf[customer] ?? new Int32Array(0)
  const result: CoPurchase[] = items.map(() => ({ product: -1, customers: 0 }))
  const viaOwn = sum(index.buyersOf, own)
  const shared: number[] = []
  items.forEach((item, j) => {
    const buyers = index.buyersOf[item] ?? new Int32Array(0)
    if (sum(index.itemsOf, buyers) >= viaOwn) {
      shared.push(j)
      return
    }
    for (const buyer of buyers) {
      const products = index.itemsOf[buyer] ?? new Int32Array(0)
      for (let at = 0; at < products.length; at++) {
        const product = products[at] as number
        counts[product] = (counts[product] ?? 0) + 1
      }
    }
    const best = result[j] as CoPurchase
    for (const product of own) {
      const count = counts[product] ?? 0
      if (count > best.customers) {
        best.product = product
        best.customers = count
      }
    }
    for (const buyer of buyers) for (const product of index.itemsOf[buyer] ?? []) counts[product] = 0
  })
  for (let start = 0; start < shared.length; start += 32) {
    const group = shared.slice(start, start + 32)
    group.forEach((j, bit) => {
      for (const buyer of index.buyersOf[items[j] ?? -1] ?? []) marks[buyer] = (marks[buyer] ?? 0) | (1 << bit)
    })
    const found = new Int32Array(group.length)
    for (const product of own) {
      found.fill(0)
      const buyers = index.buyersOf[product] ?? new Int32Array(0)
      for (let at = 0; at < buyers.length; at++) {
        let mask = marks[buyers[at] as number] ?? 0
        while (mask !== 0) {
          const low = mask & -mask
          const bit = 31 - Math.clz32(low)
          found[bit] = (found[bit] ?? 0) + 1
          mask ^= low
        }
      }
      group.forEach((j, bit) => {
        const best = result[j] as CoPurchase
        const count = found[bit] ?? 0
        if (count > best.customers) {
          best.product = product
          best.customers = count
        }
      })
    }
    for (const j of group) for (const buyer of index.buyersOf[items[j] ?? -1] ?? []) marks[buyer] = 0
  }
  return result
}
