import { logGamma } from '../stats/index.js'
import { minimize } from './minimize.js'

/**
 * Gamma–Gamma parameters: a transaction's value ~ Gamma(p, ν) for a customer, and that customer's
 * ν ~ Gamma(q, γ) across customers; the mean transaction value of a customer is p / ν.
 */
export interface GammaGammaParams {
  p: number
  q: number
  gamma: number
}

/** A repeat customer for the Gamma–Gamma model: x repeat transactions and their mean value m̄. */
export interface GammaGammaCustomer {
  frequency: number
  monetary: number
}

/**
 * Log-likelihood of one customer's mean value m̄ over x transactions (Fader, Hardie & Lee 2005,
 * "RFM and CLV", eq. 3):
 * lnΓ(px + q) − lnΓ(px) − lnΓ(q) + q ln γ + (px − 1) ln m̄ + px ln x − (px + q) ln(γ + x m̄).
 * Customers with x = 0 or m̄ ≤ 0 carry no information and contribute 0.
 */
export function gammaGammaCustomerLogLikelihood(params: GammaGammaParams, customer: GammaGammaCustomer): number {
  const { p, q, gamma } = params
  const { frequency: x, monetary: m } = customer
  if (x <= 0 || m <= 0) return 0
  const px = p * x
  return (
    logGamma(px + q) -
    logGamma(px) -
    logGamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + x * m)
  )
}

/** Result of {@link fitGammaGamma}. */
export interface GammaGammaFit {
  params: GammaGammaParams
  logLikelihood: number
  converged: boolean
  /** Customers used (x > 0 and m̄ > 0). */
  customers: number
  /**
   * Pearson correlation between frequency and mean value over those customers. The model assumes
   * spend per transaction is independent of how often a customer buys; a correlation near 0 is
   * the usual check of that assumption (Fader, Hardie & Lee report 0.11 for CDNOW).
   */
  frequencyMonetaryCorrelation: number
}

/** Pearson correlation coefficient (NaN when either variable is constant or there are < 2 points). */
export function pearsonCorrelation(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length)
  if (n < 2) return Number.NaN
  let mx = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    mx += xs[i] ?? 0
    my += ys[i] ?? 0
  }
  mx /= n
  my /= n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx
    const dy = (ys[i] ?? 0) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxy / Math.sqrt(sxx * syy)
}

/**
 * Maximum-likelihood fit of the Gamma–Gamma model on the customers with repeat transactions
 * (x > 0, m̄ > 0), by BFGS over log p, log q, log γ. Assumes spend per transaction is independent
 * of purchase frequency; the fit reports the frequency/value correlation so the assumption can be
 * checked.
 *
 * @example
 * fitGammaGamma(summaries).params // CDNOW: p ≈ 6.25, q ≈ 3.74, γ ≈ 15.44
 */
export function fitGammaGamma(customers: readonly GammaGammaCustomer[]): GammaGammaFit {
  const used = customers.filter((c) => c.frequency > 0 && c.monetary > 0)
  if (used.length < 2) throw new RangeError('fitGammaGamma: needs at least two customers with repeat transactions')
  const mean = used.reduce((s, c) => s + c.monetary, 0) / used.length
  const toParams = ([lp = 0, lq = 0, lg = 0]: number[]): GammaGammaParams => ({ p: Math.exp(lp), q: Math.exp(lq), gamma: Math.exp(lg) })
  const objective = (theta: number[]): number => {
    const params = toParams(theta)
    let total = 0
    for (const c of used) total += gammaGammaCustomerLogLikelihood(params, c)
    return -total / used.length
  }
  // Start with p = 1, q = 2 and γ matching the population mean p·γ / (q − 1) to the sample mean.
  const result = minimize(objective, [0, Math.log(2), Math.log(mean)], { gradientTolerance: 1e-9 })
  const params = toParams(result.x)
  let logLikelihood = 0
  for (const c of used) logLikelihood += gammaGammaCustomerLogLikelihood(params, c)
  return {
    params,
    logLikelihood,
    converged: result.converged,
    customers: used.length,
    frequencyMonetaryCorrelation: pearsonCorrelation(
      used.map((c) => c.frequency),
      used.map((c) => c.monetary),
    ),
  }
}

/**
 * Expected mean transaction value of a customer given x repeat transactions with mean m̄
 * (Fader, Hardie & Lee 2005, "RFM and CLV", eq. 5): p(γ + x m̄) / (px + q − 1), a weighted average
 * of the population mean pγ / (q − 1) and the customer's own m̄. With x = 0 it is the population
 * mean. Requires q > 1 (otherwise the population mean is infinite and this returns NaN).
 */
export function expectedAverageValue(params: GammaGammaParams, customer: GammaGammaCustomer): number {
  const { p, q, gamma } = params
  if (q <= 1) return Number.NaN
  const x = customer.monetary > 0 ? customer.frequency : 0
  return (p * (gamma + x * customer.monetary)) / (p * x + q - 1)
}
