/** Scale factor that turns a MAD into a consistent estimate of the standard deviation for normal data (1 / Φ⁻¹(0.75)). */
export const MAD_TO_SIGMA = 1.4826

/**
 * Median of the values. Returns NaN for an empty input.
 * Values are expected to be finite; NaN inputs give an unspecified result.
 * The input is not modified.
 */
export function median(values: ArrayLike<number>): number {
  const n = values.length
  if (n === 0) return Number.NaN
  // A typed array sorts numerically by default and much faster than Array#sort with a comparator.
  const sorted = Float64Array.from(values).sort()
  const mid = n >> 1
  const upper = sorted[mid] ?? Number.NaN
  if (n % 2 === 1) return upper
  const lower = sorted[mid - 1] ?? Number.NaN
  return lower + (upper - lower) / 2
}

/**
 * Median absolute deviation from the median, unscaled: median(|xᵢ − median(x)|).
 * Returns NaN for an empty input.
 */
export function mad(values: ArrayLike<number>): number {
  const n = values.length
  if (n === 0) return Number.NaN
  const center = median(values)
  const deviations = new Float64Array(n)
  for (let i = 0; i < n; i++) deviations[i] = Math.abs((values[i] ?? Number.NaN) - center)
  return median(deviations)
}

/**
 * Robust estimate of the standard deviation: 1.4826 × MAD.
 * Equals σ in expectation for normally distributed data, but a few outliers barely move it.
 * Returns NaN for an empty input.
 */
export function robustSigma(values: ArrayLike<number>): number {
  return MAD_TO_SIGMA * mad(values)
}
