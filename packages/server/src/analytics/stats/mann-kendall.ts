import { normalCdf } from './normal.js'

/** Result of {@link mannKendall}. */
export interface MannKendallResult {
  /** S = Σ_{i<j} sign(y_j − y_i): positive for an upward trend, negative for a downward one. */
  s: number
  /** Var(S) under the null of no trend, corrected for tied values. */
  variance: number
  /** Continuity-corrected normal score: (S − sign(S)) / √Var(S). */
  z: number
  /** Two-sided p-value of the null hypothesis "no monotonic trend". */
  pValue: number
  /** Kendall's tau-a: S / (n(n − 1)/2), in [−1, 1]. */
  tau: number
}

/** Σ t(t − 1)(2t + 5) over the groups of tied values, t being each group's size. */
function tieCorrection(y: readonly number[]): number {
  const sorted = Float64Array.from(y).sort()
  let total = 0
  let run = 1
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1]) {
      run++
    } else {
      total += run * (run - 1) * (2 * run + 5)
      run = 1
    }
  }
  return total
}

/**
 * Mann–Kendall test for a monotonic trend in a series taken in time order.
 *
 * Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18 (ties corrected); the p-value is two-sided from
 * the normal approximation, which is customary from n ≈ 10 on and conservative-ish below.
 * O(n²) in time, so meant for series of up to a few thousand points.
 * With fewer than 3 values, or when every value is tied, there is no evidence of a trend:
 * s = 0, z = 0, pValue = 1 (tau is 0 as well).
 * Values must be finite.
 */
export function mannKendall(y: readonly number[]): MannKendallResult {
  const n = y.length
  if (n < 3) return { s: 0, variance: 0, z: 0, pValue: 1, tau: 0 }
  let s = 0
  for (let i = 0; i < n - 1; i++) {
    const yi = y[i] ?? 0
    for (let j = i + 1; j < n; j++) {
      const yj = y[j] ?? 0
      if (yj > yi) s++
      else if (yj < yi) s--
    }
  }
  const variance = (n * (n - 1) * (2 * n + 5) - tieCorrection(y)) / 18
  const tau = s / ((n * (n - 1)) / 2)
  if (variance <= 0 || s === 0) return { s, variance, z: 0, pValue: 1, tau }
  const z = (s - Math.sign(s)) / Math.sqrt(variance)
  // 2Φ(−|z|) rather than 2(1 − Φ(|z|)), which would lose small p-values to cancellation.
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)))
  return { s, variance, z, pValue, tau }
}
