import { logChoose } from './log-gamma.js'

/** Result of {@link comparePoissonCounts}. */
export interface PoissonComparison {
  /** Two-sided p-value for "both counts come from the same Poisson rate". */
  pValue: number
  /**
   * (current − previous) / previous. 0 when both counts are 0; null when only `previous` is 0
   * (any growth from nothing is unbounded).
   */
  relativeChange: number | null
}

// Once the running tail term falls below this fraction of the sum, the remaining terms
// (which keep shrinking faster than geometrically past the mode) cannot change the result.
const TAIL_EPSILON = 1e-17

/**
 * Upper tail P(X ≥ k) of X ~ Binomial(n, 1/2), for k > n/2.
 * Starts from the log-space pmf at k (so n in the millions neither overflows nor underflows
 * prematurely), then walks the tail with the ratio pmf(j+1)/pmf(j) = (n − j)/(j + 1).
 */
function binomialHalfUpperTail(n: number, k: number): number {
  let term = Math.exp(logChoose(n, k) - n * Math.LN2)
  let sum = term
  for (let j = k; j < n && term > sum * TAIL_EPSILON; j++) {
    term *= (n - j) / (j + 1)
    sum += term
  }
  return sum
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer count, got ${value}`)
  }
}

/**
 * Tests whether two event counts observed over equal exposure (e.g. this week vs last week)
 * are consistent with one Poisson rate.
 *
 * Uses the exact conditional test: given the total n = current + previous, under the null
 * `current` ~ Binomial(n, 1/2). Because that distribution is symmetric, the two-sided p-value
 * (sum of the probabilities of outcomes no more likely than the observed one) is
 * min(1, 2·P(X ≥ max(current, previous))). The tail is summed exactly for every n — no normal
 * approximation is needed, since summing from the observed count outward takes only
 * O(√n) terms. For extremely lopsided large counts the p-value can underflow to 0.
 *
 * @throws RangeError if either count is not a non-negative safe integer.
 */
export function comparePoissonCounts(current: number, previous: number): PoissonComparison {
  assertCount('current', current)
  assertCount('previous', previous)
  const relativeChange = previous === 0 ? (current === 0 ? 0 : null) : (current - previous) / previous
  // |a − b| ≤ 1 makes the observed split the (or a) mode, so every outcome is at most as likely.
  if (Math.abs(current - previous) <= 1) return { pValue: 1, relativeChange }
  const n = current + previous
  const tail = binomialHalfUpperTail(n, Math.max(current, previous))
  return { pValue: Math.min(1, 2 * tail), relativeChange }
}
