export {
  type AssociationRule,
  type AssociationRuleOptions,
  type AssociationRuleResult,
  type Bundle,
  mineAssociationRules,
} from './association-rules.js'
export {
  createProductFilter,
  DEFAULT_NON_PRODUCT_CODES,
  DEFAULT_NON_PRODUCT_PATTERN,
  type NonProductOptions,
} from './non-product.js'
export {
  type NextBestProduct,
  type NextBestProductEvidence,
  type NextBestProductOptions,
  type NextBestScorer,
  createNextBestScorer,
  nextBestProducts,
} from './next-best-products.js'
export { type PopularProductOptions, popularProducts } from './popular-products.js'
export type { Purchase } from './purchase-index.js'
