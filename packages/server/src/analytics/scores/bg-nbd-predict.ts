import type { BgNbdCustomer, BgNbdParams } from './bg-nbd.js'
import { hyp2f1 } from './hypergeometric.js'

/**
 * (a − 1) appears as a divisor in the expectations; at a = 1 exactly they are 0/0 limits, so a is
 * moved off 1 by this much (the effect on the result is of the same relative order).
 */
const A_NEAR_ONE = 1e-7

function awayFromOne(a: number): number {
  if (Math.abs(a - 1) >= A_NEAR_ONE) return a
  return a >= 1 ? 1 + A_NEAR_ONE : 1 - A_NEAR_ONE
}

/**
 * P(alive | x, tₓ, T): the probability that a customer with this history has not dropped out
 * (Fader, Hardie & Lee 2005, eq. 11), 1 / (1 + [x > 0] · a / (b + x − 1) · ((α + T) / (α + tₓ))^(r + x)),
 * computed in logs. A customer without repeat purchases is alive with probability 1 under BG/NBD
 * (customers can only drop out right after a transaction).
 */
export function probabilityAlive(params: BgNbdParams, customer: BgNbdCustomer): number {
  const { r, alpha, a, b } = params
  const { frequency: x, recency: tx, age: T } = customer
  if (x === 0) return 1
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))
  return 1 / (1 + Math.exp(logOdds))
}

/**
 * Expected number of transactions in the next `t` time units for a customer with history
 * (x, tₓ, T) (Fader, Hardie & Lee 2005, eq. 10):
 *
 * E[Y(t) | x, tₓ, T] = (a + b + x − 1) / (a − 1) · [1 − ((α + T) / (α + T + t))^(r + x) ₂F₁(r + x, b + x; a + b + x − 1; z)] · P(alive),
 * with z = t / (α + T + t).
 *
 * Euler's transformation turns the bracketed product into (1 − z)^(a − 1) ₂F₁(a + b − 1 − r, a − 1; a + b + x − 1; z),
 * which is what is computed: its first two parameters do not grow with x, so for heavy buyers the
 * series neither overflows nor needs thousands of terms.
 */
export function expectedTransactions(params: BgNbdParams, customer: BgNbdCustomer, t: number): number {
  if (t <= 0) return 0
  const { r, alpha, b } = params
  const a = awayFromOne(params.a)
  const { frequency: x, age: T } = customer
  const z = t / (alpha + T + t)
  const bracket = 1 - (1 - z) ** (a - 1) * hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z)
  return ((a + b + x - 1) / (a - 1)) * bracket * probabilityAlive(params, customer)
}

/**
 * Expected number of transactions of a randomly chosen new customer in a period of length `t`
 * after the first purchase (Fader, Hardie & Lee 2005, eq. 9):
 * E[X(t)] = (a + b − 1) / (a − 1) · [1 − (α / (α + t))^r ₂F₁(r, b; a + b − 1; t / (α + t))].
 */
export function expectedTransactionsPopulation(params: BgNbdParams, t: number): number {
  if (t <= 0) return 0
  const { r, alpha, b } = params
  const a = awayFromOne(params.a)
  const z = t / (alpha + t)
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, z))
}
