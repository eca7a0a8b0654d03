/**
 * Stock codes that are not products: postage, carriage, fees, discounts, manual adjustments,
 * samples, charity donations and gift vouchers. They appear in baskets but must never be
 * recommended, and they would otherwise dominate co-occurrence counts (postage is on thousands
 * of orders). The defaults are the codes of the online-retail dataset (see
 * `shared/data/README.md`); a project with other codes passes its own list and pattern.
 */
export const DEFAULT_NON_PRODUCT_CODES: readonly string[] = [
  'POST', // postage
  'DOT', // website postage
  'M', // manual
  'm', // manual
  'C2', // carriage
  'D', // discount
  'S', // samples
  'BANK CHARGES',
  'AMAZONFEE',
  'CRUK', // charity commission
  'PADS', // "pads to match all cushions", priced 0.001
  'B', // bad-debt adjustment
  'POSTAGE',
  'CARRIAGE',
]

/** Gift vouchers (`gift_0001_20`, …) are money, not products. */
export const DEFAULT_NON_PRODUCT_PATTERN = /^gift_\d+_/i

/** Which product ids to treat as non-products. */
export interface NonProductOptions {
  /**
   * Exact codes (case-sensitive: `M` and `m` are listed separately).
   * @default DEFAULT_NON_PRODUCT_CODES
   */
  codes?: readonly string[]
  /**
   * Codes matching this are also non-products. Pass `null` for none.
   * @default DEFAULT_NON_PRODUCT_PATTERN
   */
  pattern?: RegExp | null
}

/**
 * Builds a predicate that says whether a product id is a real product.
 *
 * @example
 * const isProduct = createProductFilter({ codes: [...DEFAULT_NON_PRODUCT_CODES, 'FEE'] })
 * isProduct('85123A') // true
 * isProduct('POST') // false
 * isProduct('gift_0001_20') // false
 */
export function createProductFilter(options: NonProductOptions = {}): (productId: string) => boolean {
  const codes = new Set(options.codes ?? DEFAULT_NON_PRODUCT_CODES)
  const pattern = options.pattern === undefined ? DEFAULT_NON_PRODUCT_PATTERN : options.pattern
  // A global or sticky RegExp keeps lastIndex between test() calls; copy without those flags.
  const safe = pattern ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : null
  return (productId) => !codes.has(productId) && !(safe?.test(productId) ?? false)
}
