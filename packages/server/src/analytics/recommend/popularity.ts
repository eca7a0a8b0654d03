import type { PurchaseIndex } from './purchase-index.js'

/**
 * Per product, the number of distinct customers whose last purchase of it falls within the
 * `days` before asOf — "the most popular products of the last 90 days" (the baseline).
 */
export function recentBuyerCounts(index: PurchaseIndex, days: number): Float64Array {
  const counts = new Float64Array(index.products.length)
  index.itemsOf.forEach((items, customer) => {
    const ages = index.ageOf[customer]
    items.forEach((item, k) => {
      if ((ages?.[k] ?? Number.POSITIVE_INFINITY) <= days) counts[item] = (counts[item] ?? 0) + 1
    })
  })
  return counts
}

/**
 * Time-decayed popularity: each customer who bought a product adds 0.5^(age / halfLifeDays),
 * age being the days since their last purchase of it. Follows the trend (seasonal and new
 * products) without the hard edge of a fixed window.
 */
export function decayedPopularity(index: PurchaseIndex, halfLifeDays: number): Float64Array {
  const scores = new Float64Array(index.products.length)
  index.itemsOf.forEach((items, customer) => {
    const ages = index.ageOf[customer]
    items.forEach((item, k) => {
      scores[item] = (scores[item] ?? 0) + 0.5 ** ((ages?.[k] ?? Number.POSITIVE_INFINITY) / halfLifeDays)
    })
  })
  return scores
}

/**
 * The `limit` best products by `scores` (descending, ties by product id) that `exclude` does not
 * hold and whose score is positive.
 */
export function topProducts(scores: Float64Array, limit: number, exclude: ReadonlySet<number>): number[] {
  const top: number[] = []
  for (let item = 0; item < scores.length; item++) {
    const score = scores[item] ?? 0
    if (score <= 0 || exclude.has(item)) continue
    // Insertion into a short sorted list: limit is ~10, so this beats sorting thousands.
    if (top.length === limit && score <= (scores[top[limit - 1] ?? 0] ?? 0)) continue
    let at = top.length
    while (at > 0 && (scores[top[at - 1] ?? 0] ?? 0) < score) at--
    top.splice(at, 0, item)
    if (top.length > limit) top.pop()
  }
  return top
}
