import type { BgNbdCustomer, BgNbdParams } from './bg-nbd.js'
import { expectedTransactions, probabilityAlive } from './bg-nbd-predict.js'
import type { CustomerSummary } from './customer-summary.js'
import { expectedAverageValue, type GammaGammaParams } from './gamma-gamma.js'

/** Options for {@link scoreCustomer} and {@link expectedDiscountedTransactions}. */
export interface ClvOptions {
  /**
   * Days per time unit of the summaries and of the BG/NBD parameters (1 = days, 7 = weeks).
   * @default 1
   */
  unitDays?: number
  /**
   * Yearly discount rate applied to future transactions (0.1 = 10% a year); 0 turns discounting off.
   * @default 0
   */
  annualDiscountRate?: number
  /**
   * Length in days of the steps over which expected transactions are discounted: the expected
   * transactions of each step are discounted from the step's midpoint.
   * @default 30
   */
  discountStepDays?: number
}

/** Scores of one customer. Purchases are transactions (distinct purchase days); values in the currency of the input. */
export interface CustomerScore {
  /** P(alive): probability that the customer has not dropped out. */
  pAlive: number
  /** Expected transactions in the next 30 days. */
  expectedPurchases30: number
  /** Expected transactions in the next 90 days. */
  expectedPurchases90: number
  /** Expected value per transaction (Gamma–Gamma conditional mean). */
  expectedValue: number
  /** Expected (discounted) transactions in the next 90 days × expected value. */
  predictedClv90: number
  /** Expected (discounted) transactions in the next 365 days × expected value. */
  predictedClv365: number
}

interface ResolvedClvOptions {
  unitDays: number
  annualDiscountRate: number
  discountStepDays: number
}

function resolve(options: ClvOptions): ResolvedClvOptions {
  return {
    unitDays: options.unitDays ?? 1,
    annualDiscountRate: options.annualDiscountRate ?? 0,
    discountStepDays: options.discountStepDays ?? 30,
  }
}

/**
 * Expected transactions of a customer over the next `horizonDays` days, each discounted at
 * `annualDiscountRate` to today. BG/NBD has no closed form for this, so the horizon is cut into
 * steps of `discountStepDays`; the expected transactions of each step (a difference of
 * conditional expectations) are discounted from the step's midpoint. Without discounting it is
 * exactly E[Y(horizon) | x, tₓ, T].
 */
export function expectedDiscountedTransactions(
  params: BgNbdParams,
  customer: BgNbdCustomer,
  horizonDays: number,
  options: ClvOptions = {},
): number {
  const { unitDays, annualDiscountRate, discountStepDays } = resolve(options)
  if (annualDiscountRate === 0) return expectedTransactions(params, customer, horizonDays / unitDays)
  let total = 0
  let previous = 0
  for (let start = 0; start < horizonDays; start += discountStepDays) {
    const end = Math.min(horizonDays, start + discountStepDays)
    const cumulative = expectedTransactions(params, customer, end / unitDays)
    total += (cumulative - previous) * (1 + annualDiscountRate) ** (-(start + end) / 2 / 365)
    previous = cumulative
  }
  return total
}

/**
 * P(alive), expected purchases in the next 30 and 90 days, expected value per purchase and the
 * predicted lifetime value over 90 and 365 days of one customer, from fitted BG/NBD and
 * Gamma–Gamma parameters. The CLV multiplies expected transactions by expected value, which is
 * right only if spend per transaction is independent of purchase frequency (the Gamma–Gamma
 * assumption; check `frequencyMonetaryCorrelation` of the fit).
 *
 * @example
 * scoreCustomer(bgNbd, gammaGamma, { frequency: 4, recency: 120, age: 200, monetary: 310 }, { annualDiscountRate: 0.1 })
 */
export function scoreCustomer(
  bgNbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  customer: CustomerSummary,
  options: ClvOptions = {},
): CustomerScore {
  const { unitDays } = resolve(options)
  const expectedValue = expectedAverageValue(gammaGamma, customer)
  return {
    pAlive: probabilityAlive(bgNbd, customer),
    expectedPurchases30: expectedTransactions(bgNbd, customer, 30 / unitDays),
    expectedPurchases90: expectedTransactions(bgNbd, customer, 90 / unitDays),
    expectedValue,
    predictedClv90: expectedDiscountedTransactions(bgNbd, customer, 90, options) * expectedValue,
    predictedClv365: expectedDiscountedTransactions(bgNbd, customer, 365, options) * expectedValue,
  }
}
