/** One purchased product line: who bought what, when (epoch milliseconds). */
export interface Purchase {
  customerId: string
  productId: string
  at: number
}

const DAY_MS = 86_400_000

/**
 * Purchases before `asOf`, indexed both ways with dense integer ids. Products and customers are
 * numbered in sorted id order, so comparing integers compares ids (deterministic ties).
 */
export interface PurchaseIndex {
  products: readonly string[]
  customers: readonly string[]
  productIndex: ReadonlyMap<string, number>
  customerIndex: ReadonlyMap<string, number>
  /** Per customer: the distinct products bought, ascending. */
  itemsOf: readonly Int32Array[]
  /** Per customer, parallel to `itemsOf`: days between the last purchase of that product and asOf. */
  ageOf: readonly Float64Array[]
  /** Per product: the distinct customers who bought it, ascending. */
  buyersOf: readonly Int32Array[]
}

/**
 * Builds a {@link PurchaseIndex} from purchases strictly before `asOf` whose product passes
 * `isProduct`.
 */
export function buildPurchaseIndex(
  purchases: Iterable<Purchase>,
  asOf: number,
  isProduct: (productId: string) => boolean,
): PurchaseIndex {
  const last = new Map<string, Map<string, number>>()
  for (const { customerId, productId, at } of purchases) {
    if (at >= asOf || !isProduct(productId)) continue
    let items = last.get(customerId)
    if (!items) {
      items = new Map()
      last.set(customerId, items)
    }
    if (at > (items.get(productId) ?? Number.NEGATIVE_INFINITY)) items.set(productId, at)
  }
  const customers = [...last.keys()].sort()
  const productSet = new Set<string>()
  for (const items of last.values()) for (const productId of items.keys()) productSet.add(productId)
  const products = [...productSet].sort()
  const productIndex = new Map(products.map((id, index) => [id, index]))
  const customerIndex = new Map(customers.map((id, index) => [id, index]))

  const itemsOf: Int32Array[] = []
  const ageOf: Float64Array[] = []
  const buyerCount = new Int32Array(products.length)
  for (const customerId of customers) {
    const entries = [...(last.get(customerId) ?? [])]
      .map(([productId, at]) => [productIndex.get(productId) ?? 0, (asOf - at) / DAY_MS] as const)
      .sort((x, y) => x[0] - y[0])
    itemsOf.push(Int32Array.from(entries, (entry) => entry[0]))
    ageOf.push(Float64Array.from(entries, (entry) => entry[1]))
    for (const [item] of entries) buyerCount[item] = (buyerCount[item] ?? 0) + 1
  }
  const buyersOf = Array.from(buyerCount, (count) => new Int32Array(count))
  const filled = new Int32Array(products.length)
  itemsOf.forEach((items, customer) => {
    for (const item of items) {
      const buyers = buyersOf[item]
      const at = filled[item] ?? 0
      if (buyers) buyers[at] = customer
      filled[item] = at + 1
    }
  })
  return { products, customers, productIndex, customerIndex, itemsOf, ageOf, buyersOf }
}
