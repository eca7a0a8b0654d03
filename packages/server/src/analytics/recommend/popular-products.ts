import { createProductFilter } from './non-product.js'
import { recentBuyerCounts, topProducts } from './popularity.js'
import { buildPurchaseIndex, type Purchase } from './purchase-index.js'

/** Options of {@link popularProducts}. */
export interface PopularProductOptions {
  /**
   * Only purchases strictly before this instant (epoch ms) are used.
   * @default the latest purchase + 1 ms
   */
  asOf?: number
  /**
   * Popularity = distinct customers who bought the product in this many days before asOf.
   * @default 90
   */
  days?: number
  /**
   * @default every customer with a purchase before asOf
   */
  customerIds?: Iterable<string>
  /**
   * @default 10
   */
  limit?: number
  /**
   * @default createProductFilter()
   */
  isProduct?: (productId: string) => boolean
}

/**
 * The baseline recommender: per customer, the most popular products of the last `days` that the
 * customer has never bought (ties by product id). {@link nextBestProducts} is measured against it.
 */
export function popularProducts(purchases: Iterable<Purchase>, options: PopularProductOptions = {}): Map<string, string[]> {
  const list = Array.isArray(purchases) ? (purchases as readonly Purchase[]) : [...purchases]
  let latest = Number.NEGATIVE_INFINITY
  for (const purchase of list) if (purchase.at > latest) latest = purchase.at
  const index = buildPurchaseIndex(list, options.asOf ?? latest + 1, options.isProduct ?? createProductFilter())
  const counts = recentBuyerCounts(index, options.days ?? 90)
  const limit = options.limit ?? 10
  const result = new Map<string, string[]>()
  for (const customerId of options.customerIds ?? index.customers) {
    const bought = new Set(index.itemsOf[index.customerIndex.get(customerId) ?? -1] ?? [])
    result.set(
      customerId,
      topProducts(counts, limit, bought).map((item) => index.products[item] ?? ''),
    )
  }
  return result
}
