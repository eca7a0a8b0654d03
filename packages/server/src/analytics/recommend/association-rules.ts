import { createProductFilter } from './non-product.js'

/** Options of {@link mineAssociationRules}. */
export interface AssociationRuleOptions {
  /**
   * An itemset (and so a rule) needs at least this many baskets; below it, a lift of 50 can be
   * two orders by the same customer.
   * @default 20
   */
  minSupportCount?: number
  /**
   * Rules and bundles need at least this lift (how many times more often than if independent).
   * @default 1.5
   */
  minLift?: number
  /**
   * Rules need at least this confidence P(consequent | antecedent).
   * @default 0.05
   */
  minConfidence?: number
  /**
   * Baskets with more distinct products than this are left out of the mining entirely (not
   * counted in the basket total either, so the metrics stay consistent). Wholesale orders of
   * 500 lines say little about what goes together and cost O(n²) pairs each; on the
   * online-retail data the default drops about 1% of orders.
   * @default 100
   */
  maxBasketSize?: number
  /**
   * 2 = pairs only; 3 = also triples ({a, b} → c), counted only from frequent pairs.
   * @default 2
   */
  maxItemsetSize?: 2 | 3
  /**
   * Product ids for which this returns false are removed from baskets first.
   * @default createProductFilter() (the default non-product codes)
   */
  isProduct?: (productId: string) => boolean
  /**
   * At most this many rules and this many bundles are returned.
   * @default 100
   */
  limit?: number
}

/** "Customers whose order holds `antecedent` also buy `consequent`." */
export interface AssociationRule {
  antecedent: readonly string[]
  consequent: string
  /** Baskets holding the antecedent and the consequent. */
  supportCount: number
  /** supportCount / basketCount. */
  support: number
  /** P(consequent | antecedent). */
  confidence: number
  /** confidence / P(consequent). */
  lift: number
  /** support − P(antecedent)·P(consequent). */
  leverage: number
  /** (1 − P(consequent)) / (1 − confidence); null when confidence is 1 (infinite). */
  conviction: number | null
}

/** A set of products bought together far more often than chance. */
export interface Bundle {
  productIds: readonly string[]
  supportCount: number
  support: number
  /**
   * The weakest lift among the rules inside the bundle: for a pair, its lift; for a triple, the
   * smallest P(x | other two) / P(x). Comparable between pairs and triples (the plain
   * P(abc) / P(a)P(b)P(c) is not: it grows with the cube of rarity).
   */
  lift: number
}

/** What {@link mineAssociationRules} found. */
export interface AssociationRuleResult {
  /** Baskets used (at least one product, at most `maxBasketSize`). */
  basketCount: number
  /** Baskets left out for being larger than `maxBasketSize`. */
  skippedLargeBaskets: number
  /** Best first: lift, then confidence, then support count, then product ids. */
  rules: AssociationRule[]
  /** Best first: lift, then support count, then product ids. */
  bundles: Bundle[]
}

/**
 * Mines pair (and optionally triple) association rules from baskets (one array of product ids
 * per order; repeats within a basket count once). Deterministic: the same baskets in any order
 * give the same result.
 *
 * Pairs are counted in a Map keyed by a packed integer (a·n + b) and only between products that
 * are themselves frequent (Apriori pruning), so ~20k baskets × ~4k products take well under a
 * second.
 *
 * @example
 * const { rules } = mineAssociationRules([['tea', 'cup'], ['tea', 'cup', 'jam'], ['jam']], { minSupportCount: 2, minLift: 1 })
 * rules[0] // { antecedent: ['cup'], consequent: 'tea', supportCount: 2, confidence: 1, lift: 1.5, … }
 */
export function mineAssociationRules(
  baskets: Iterable<readonly string[]>,
  options: AssociationRuleOptions = {},
): AssociationRuleResult {
  const minSupportCount = Math.max(1, options.minSupportCount ?? 20)
  const minLift = options.minLift ?? 1.5
  const minConfidence = options.minConfidence ?? 0.05
  const maxBasketSize = options.maxBasketSize ?? 100
  const maxItemsetSize = options.maxItemsetSize ?? 2
  const isProduct = options.isProduct ?? createProductFilter()
  const limit = options.limit ?? 100

  const kept: string[][] = []
  let skippedLargeBaskets = 0
  for (const basket of baskets) {
    const unique = [...new Set(basket)].filter(isProduct)
    if (unique.length === 0) continue
    if (unique.length > maxBasketSize) skippedLargeBaskets++
    else kept.push(unique)
  }
  // Ids numbered in sorted order so integer order is string order (deterministic ties).
  const names = [...new Set(kept.flat())].sort()
  const idOf = new Map(names.map((name, index) => [name, index]))
  const n = names.length
  const encoded = kept.map((basket) => Int32Array.from(basket, (id) => idOf.get(id) ?? 0).sort())
  const itemCount = new Int32Array(n)
  for (const basket of encoded) for (const item of basket) itemCount[item] = (itemCount[item] ?? 0) + 1

  const frequent = encoded.map((basket) => basket.filter((item) => (itemCount[item] ?? 0) >= minSupportCount))
  const pairCount = new Map<number, number>()
  for (const basket of frequent) {
    for (let x = 0; x < basket.length; x++) {
      const row = (basket[x] ?? 0) * n
      for (let y = x + 1; y < basket.length; y++) {
        const key = row + (basket[y] ?? 0)
        pairCount.set(key, (pairCount.get(key) ?? 0) + 1)
      }
    }
  }
  for (const [key, count] of pairCount) if (count < minSupportCount) pairCount.delete(key)

  const total = encoded.length
  const p = (item: number) => (itemCount[item] ?? 0) / total
  const rules: AssociationRule[] = []
  const bundles: Bundle[] = []
  const addRule = (antecedent: number[], consequent: number, count: number, antecedentCount: number) => {
    const confidence = count / antecedentCount
    const pc = p(consequent)
    const lift = confidence / pc
    if (confidence < minConfidence || lift < minLift) return
    rules.push({
      antecedent: antecedent.map((item) => names[item] ?? ''),
      consequent: names[consequent] ?? '',
      supportCount: count,
      support: count / total,
      confidence,
      lift,
      leverage: count / total - (antecedentCount / total) * pc,
      conviction: confidence >= 1 ? null : (1 - pc) / (1 - confidence),
    })
  }
  const addBundle = (items: number[], count: number, lift: number) => {
    if (lift < minLift) return
    bundles.push({ productIds: items.map((item) => names[item] ?? ''), supportCount: count, support: count / total, lift })
  }

  for (const [key, count] of pairCount) {
    const a = Math.floor(key / n)
    const b = key % n
    addRule([a], b, count, itemCount[a] ?? 0)
    addRule([b], a, count, itemCount[b] ?? 0)
    addBundle([a, b], count, count / total / (p(a) * p(b)))
  }
  if (maxItemsetSize === 3) {
    for (const [key, count] of countTriples(frequent, pairCount, n, minSupportCount)) {
      const a = Math.floor(key / (n * n))
      const b = Math.floor(key / n) % n
      const c = key % n
      const pair = (x: number, y: number) => pairCount.get(x * n + y) ?? 0
      addRule([a, b], c, count, pair(a, b))
      addRule([a, c], b, count, pair(a, c))
      addRule([b, c], a, count, pair(b, c))
      const lift = (x: number, y: number, z: number) => count / pair(x, y) / p(z)
      addBundle([a, b, c], count, Math.min(lift(a, b, c), lift(a, c, b), lift(b, c, a)))
    }
  }

  rules.sort(
    (x, y) =>
      y.lift - x.lift ||
      y.confidence - x.confidence ||
      y.supportCount - x.supportCount ||
      compareIds(x.antecedent, y.antecedent) ||
      compareIds([x.consequent], [y.consequent]),
  )
  bundles.sort((x, y) => y.lift - x.lift || y.supportCount - x.supportCount || compareIds(x.productIds, y.productIds))
  return { basketCount: total, skippedLargeBaskets, rules: rules.slice(0, limit), bundles: bundles.slice(0, limit) }
}

/** Triples a < b < c whose three pairs are all frequent, with at least `minSupportCount` baskets. */
function countTriples(
  baskets: readonly Int32Array[],
  pairCount: ReadonlyMap<number, number>,
  n: number,
  minSupportCount: number,
): Map<number, number> {
  const triples = new Map<number, number>()
  const partners: number[][] = []
  for (const basket of baskets) {
    // Per product of the basket, the later products it forms a frequent pair with: a triple
    // needs all three pairs frequent, so only these lists are walked.
    partners.length = 0
    for (let x = 0; x < basket.length; x++) {
      const a = basket[x] ?? 0
      const list: number[] = []
      for (let y = x + 1; y < basket.length; y++) if (pairCount.has(a * n + (basket[y] ?? 0))) list.push(basket[y] ?? 0)
      partners.push(list)
    }
    for (let x = 0; x < basket.length; x++) {
      const a = basket[x] ?? 0
      const list = partners[x] ?? []
      for (let y = 0; y < list.length; y++) {
        const b = list[y] ?? 0
        for (let z = y + 1; z < list.length; z++) {
          const c = list[z] ?? 0
          if (!pairCount.has(b * n + c)) continue
          // a·n² + b·n + c stays below 2^53 for up to ~200k products.
          const key = (a * n + b) * n + c
          triples.set(key, (triples.get(key) ?? 0) + 1)
        }
      }
    }
  }
  for (const [key, count] of triples) if (count < minSupportCount) triples.delete(key)
  return triples
}

function compareIds(x: readonly string[], y: readonly string[]): number {
  const a = x.join('\u0000')
  const b = y.join('\u0000')
  return a < b ? -1 : a > b ? 1 : 0
}
