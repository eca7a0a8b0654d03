import { logGamma } from '../stats/index.js'
import type { CustomerSummary } from './customer-summary.js'
import { minimize } from './minimize.js'

/**
 * BG/NBD parameters: purchase rates λ ~ Gamma(shape r, rate α) across customers, and the
 * probability p of dropping out after each transaction ~ Beta(a, b).
 */
export interface BgNbdParams {
  r: number
  alpha: number
  a: number
  b: number
}

/** The three numbers of a customer summary the BG/NBD likelihood uses. */
export type BgNbdCustomer = Pick<CustomerSummary, 'frequency' | 'recency' | 'age'>

/**
 * Log-likelihood of one customer's (x, tₓ, T) under the BG/NBD model (Fader, Hardie & Lee 2005,
 * eq. 6), in the numerically stable form
 * A₁ + A₂ + log(exp(A₃) + [x > 0] exp(A₄)) with
 * A₁ = lnΓ(r + x) − lnΓ(r) + r ln α,
 * A₂ = lnΓ(a + b) + lnΓ(b + x) − lnΓ(b) − lnΓ(a + b + x),
 * A₃ = −(r + x) ln(α + T),
 * A₄ = ln a − ln(b + x − 1) − (r + x) ln(α + tₓ),
 * the last sum by log-sum-exp. For whole x, A₂ is computed as the finite sum
 * −Σᵢ₌₀^(x−1) log1p(a / (b + i)), which it equals exactly: the four log-gammas cancel badly when b is
 * huge (the fit can drift there when the data show almost no dropout).
 */
export function bgNbdCustomerLogLikelihood(params: BgNbdParams, customer: BgNbdCustomer): number {
  const { r, alpha, a, b } = params
  const { frequency: x, recency: tx, age: T } = customer
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha)
  let a2 = 0
  if (Number.isInteger(x)) for (let i = 0; i < x; i++) a2 -= Math.log1p(a / (b + i))
  else a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x)
  const a3 = -(r + x) * Math.log(alpha + T)
  if (x === 0) return a1 + a2 + a3
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx)
  const top = Math.max(a3, a4)
  return a1 + a2 + top + Math.log(Math.exp(a3 - top) + Math.exp(a4 - top))
}

/** Sum of {@link bgNbdCustomerLogLikelihood} over customers. */
export function bgNbdLogLikelihood(params: BgNbdParams, customers: readonly BgNbdCustomer[]): number {
  let total = 0
  for (const customer of customers) total += bgNbdCustomerLogLikelihood(params, customer)
  return total
}

/** Result of {@link fitBgNbd}. */
export interface BgNbdFit {
  params: BgNbdParams
  logLikelihood: number
  /** Whether the optimiser met its tolerance. */
  converged: boolean
  iterations: number
  /** Customers in the fit. */
  customers: number
}

/** Options for {@link fitBgNbd}. */
export interface BgNbdFitOptions {
  /**
   * Starting point of the search.
   * @default { r: 1, alpha: mean age, a: 1, b: 1 }
   */
  start?: BgNbdParams
}

const LOG_PARAMETER_BOUND = 30

/** Customers with the same (x, tₓ, T) contribute the same term, so the likelihood is summed once per group. */
function groupCustomers(customers: readonly BgNbdCustomer[]): { customer: BgNbdCustomer; count: number }[] {
  const groups = new Map<string, { customer: BgNbdCustomer; count: number }>()
  for (const c of customers) {
    const key = `${c.frequency}|${c.recency}|${c.age}`
    const group = groups.get(key)
    if (group) group.count++
    else groups.set(key, { customer: c, count: 1 })
  }
  return [...groups.values()]
}

/**
 * Maximum-likelihood fit of the BG/NBD parameters, by BFGS over log r, log α, log a, log b (so the
 * parameters stay positive without constraints).
 *
 * @example
 * const fit = fitBgNbd(summaries) // summaries in weeks for CDNOW: r ≈ 0.243, α ≈ 4.414, a ≈ 0.793, b ≈ 2.426
 */
export function fitBgNbd(customers: readonly BgNbdCustomer[], options: BgNbdFitOptions = {}): BgNbdFit {
  if (customers.length === 0) throw new RangeError('fitBgNbd: no customers')
  const meanAge = customers.reduce((s, c) => s + c.age, 0) / customers.length
  const start = options.start ?? { r: 1, alpha: Math.max(meanAge, 1e-3), a: 1, b: 1 }
  const groups = groupCustomers(customers)
  const toParams = ([lr = 0, la = 0, lA = 0, lB = 0]: number[]): BgNbdParams => ({
    r: Math.exp(lr),
    alpha: Math.exp(la),
    a: Math.exp(lA),
    b: Math.exp(lB),
  })
  // Scaled by the number of customers so the tolerances mean the same for any data size. Parameters
  // are kept within e^±30 so that a drift towards a boundary (a → 0 when there is no visible
  // dropout) stops before the arithmetic degenerates.
  const objective = (theta: number[]): number => {
    if (theta.some((v) => Math.abs(v) > LOG_PARAMETER_BOUND)) return Number.POSITIVE_INFINITY
    const params = toParams(theta)
    let total = 0
    for (const { customer, count } of groups) total += count * bgNbdCustomerLogLikelihood(params, customer)
    return -total / customers.length
  }
  const result = minimize(objective, [Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b)], {
    gradientTolerance: 1e-8,
  })
  const params = toParams(result.x)
  return {
    params,
    logLikelihood: bgNbdLogLikelihood(params, customers),
    converged: result.converged,
    iterations: result.iterations,
    customers: customers.length,
  }
}
