/**
 * Customer scores from purchase histories: the BG/NBD model of repeat purchasing and dropout
 * (P(alive), expected purchases), the Gamma–Gamma model of spend per purchase, and customer
 * lifetime value, all fitted by maximum likelihood. Dependency-free and pure.
 */
export { type BgNbdCustomer, type BgNbdFit, type BgNbdFitOptions, type BgNbdParams, bgNbdCustomerLogLikelihood, bgNbdLogLikelihood, fitBgNbd } from './bg-nbd.js'
export { expectedTransactions, expectedTransactionsPopulation, probabilityAlive } from './bg-nbd-predict.js'
export { type ClvOptions, type CustomerScore, expectedDiscountedTransactions, scoreCustomer } from './clv.js'
export { type CustomerSummary, type DatedPurchase, type SummaryOptions, summarizeCustomers } from './customer-summary.js'
export {
  expectedAverageValue,
  fitGammaGamma,
  type GammaGammaCustomer,
  type GammaGammaFit,
  type GammaGammaParams,
  gammaGammaCustomerLogLikelihood,
  pearsonCorrelation,
} from './gamma-gamma.js'
export { hyp2f1 } from './hypergeometric.js'
export { type MinimizeOptions, type MinimizeResult, minimize } from './minimize.js'
export { type DayWindow, type SeasonalIndex, type SeasonalIndexOptions, seasonalHorizon, seasonalIndex } from './seasonal-index.js'
