import { median } from './median.js'

/** A fitted line y ≈ intercept + slope·x. */
export interface TheilSenFit {
  slope: number
  intercept: number
}

/**
 * Above this many points the estimator stops using every pair: 3000 points already give
 * ~4.5 million pairwise slopes (36 MB of Float64) and the cost grows quadratically.
 */
export const THEIL_SEN_MAX_POINTS = 3000
const MAX_PAIRS = (THEIL_SEN_MAX_POINTS * (THEIL_SEN_MAX_POINTS - 1)) / 2

/**
 * Pairwise slopes (y_j − y_i)/(x_j − x_i) over pairs i < j with x_i ≠ x_j.
 * When there are more than MAX_PAIRS pairs, takes MAX_PAIRS of them at evenly spaced positions
 * of the row-major pair order (pair number ⌊k·total/MAX_PAIRS⌋), without enumerating the rest.
 */
function pairwiseSlopes(y: readonly number[], x: readonly number[]): Float64Array {
  const n = y.length
  const totalPairs = (n * (n - 1)) / 2
  const sampled = Math.min(totalPairs, MAX_PAIRS)
  const step = totalPairs / sampled
  const slopes = new Float64Array(sampled)
  let count = 0
  let k = 0
  let next = 0 // index of the next pair to take, in row-major order
  let rowStart = 0 // index of pair (i, i + 1)
  for (let i = 0; i < n - 1 && k < sampled; i++) {
    const rowEnd = rowStart + (n - 1 - i)
    const xi = x[i] ?? 0
    const yi = y[i] ?? 0
    while (next < rowEnd && k < sampled) {
      const j = i + 1 + (next - rowStart)
      const dx = (x[j] ?? 0) - xi
      if (dx !== 0) slopes[count++] = ((y[j] ?? 0) - yi) / dx
      k++
      next = Math.floor(k * step)
    }
    rowStart = rowEnd
  }
  return slopes.subarray(0, count)
}

/**
 * Theil–Sen robust line fit: slope = median of all pairwise slopes, intercept = median(y − slope·x).
 * Tolerates up to ~29% of the points being arbitrary outliers.
 *
 * `x` defaults to 0, 1, …, n − 1 (equally spaced observations). Pairs with equal x are skipped.
 * All pairs are used up to {@link THEIL_SEN_MAX_POINTS} points (O(n²)); beyond that a fixed,
 * evenly strided subset of ~4.5 million pairs is used, so the result is deterministic but an
 * approximation of the full estimator.
 * Returns NaN for both fields when there are fewer than two points with distinct x.
 *
 * @throws RangeError if `x` is given with a different length than `y`.
 */
export function theilSen(y: readonly number[], x?: readonly number[]): TheilSenFit {
  if (x !== undefined && x.length !== y.length) {
    throw new RangeError(`theilSen: x has ${x.length} values but y has ${y.length}`)
  }
  const xs = x ?? Array.from(y, (_, i) => i)
  const slopes = pairwiseSlopes(y, xs)
  if (slopes.length === 0) return { slope: Number.NaN, intercept: Number.NaN }
  const slope = median(slopes)
  const residuals = new Float64Array(y.length)
  for (let i = 0; i < y.length; i++) residuals[i] = (y[i] ?? 0) - slope * (xs[i] ?? 0)
  return { slope, intercept: median(residuals) }
}
