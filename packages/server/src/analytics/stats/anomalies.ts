import { median, robustSigma } from './median.js'

/** Options for {@link detectAnomalies}. */
export interface AnomalyOptions {
  /** Period of the seasonality in points (7 for daily data with a weekly cycle). 1 = no seasonality. Default 1. */
  seasonLength?: number
  /** How many past values at the same seasonal phase form the baseline. Default 8 if seasonal, else 7. */
  window?: number
  /** |score| above which a point is flagged. Default 3.5. */
  threshold?: number
  /** Fewest usable past values (≤ window) needed before a point is scored. Default 4. */
  minHistory?: number
  /**
   * Sigma is never taken below this fraction of |expected|, so a perfectly regular history
   * (sigma ≈ 0) does not turn every tiny wobble into an anomaly. Default 0.05.
   */
  relativeSigmaFloor?: number
  /** Absolute lower bound on sigma, for histories that are all zero. Default 1e-9. */
  minSigma?: number
}

/** A point that deviates from its seasonal baseline by more than the threshold. */
export interface Anomaly {
  index: number
  actual: number
  /** Median of the baseline values. */
  expected: number
  /** (actual − expected) / sigma, with sigma the floored robust sigma of the baseline. */
  score: number
  kind: 'spike' | 'drop'
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`)
  return value
}

function nonNegativeFinite(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`)
  return value
}

/**
 * Flags points that are far from what their own history predicts.
 *
 * For each index i, the baseline is values[i − k·seasonLength] for k = 1..window (seasonLength 1 is
 * a plain rolling window). expected = median(baseline); sigma = 1.4826 × MAD(baseline), floored at
 * max(relativeSigmaFloor·|expected|, minSigma); score = (actual − expected) / sigma, and the point is
 * flagged when |score| > threshold. Only past values are used, so a point's verdict never changes
 * as new data arrives, and an earlier anomaly barely moves later baselines (medians are robust).
 *
 * Non-finite values (NaN for a missing day) are treated as missing: never flagged, and left out of
 * baselines. Points with fewer than `minHistory` usable baseline values are not scored.
 * An all-zero history followed by any non-zero value is flagged (sigma falls to `minSigma`);
 * raise `minSigma` for count data where that is noise.
 *
 * @returns the anomalies in index order.
 * @throws RangeError for invalid options (non-integer sizes, minHistory > window, threshold ≤ 0, …).
 */
export function detectAnomalies(values: readonly number[], options: AnomalyOptions = {}): Anomaly[] {
  const seasonLength = positiveInteger('seasonLength', options.seasonLength ?? 1)
  const window = positiveInteger('window', options.window ?? (seasonLength > 1 ? 8 : 7))
  const minHistory = positiveInteger('minHistory', options.minHistory ?? 4)
  const threshold = options.threshold ?? 3.5
  const relativeSigmaFloor = nonNegativeFinite('relativeSigmaFloor', options.relativeSigmaFloor ?? 0.05)
  const minSigma = nonNegativeFinite('minSigma', options.minSigma ?? 1e-9)
  if (minHistory > window) throw new RangeError(`minHistory (${minHistory}) cannot exceed window (${window})`)
  if (!Number.isFinite(threshold) || threshold <= 0) throw new RangeError(`threshold must be a positive number, got ${threshold}`)
  if (minSigma === 0) throw new RangeError('minSigma must be > 0')

  const anomalies: Anomaly[] = []
  const baseline: number[] = []
  for (let i = minHistory * seasonLength; i < values.length; i++) {
    const actual = values[i]
    if (actual === undefined || !Number.isFinite(actual)) continue
    baseline.length = 0
    for (let k = 1; k <= window; k++) {
      const past = values[i - k * seasonLength]
      if (past !== undefined && Number.isFinite(past)) baseline.push(past)
    }
    if (baseline.length < minHistory) continue
    const expected = median(baseline)
    const sigma = Math.max(robustSigma(baseline), relativeSigmaFloor * Math.abs(expected), minSigma)
    const score = (actual - expected) / sigma
    if (Math.abs(score) > threshold) {
      anomalies.push({ index: i, actual, expected, score, kind: score > 0 ? 'spike' : 'drop' })
    }
  }
  return anomalies
}
