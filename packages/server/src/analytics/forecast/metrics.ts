/**
 * In-sample mean absolute error of the seasonal naive forecast yₜ ≈ yₜ₋ₘ over the whole
 * history: the MASE denominator (Hyndman & Koehler 2006). NaN with fewer than m + 1 points.
 */
export function seasonalNaiveScale(y: readonly number[], period: number): number {
  const m = Math.max(1, period)
  let sum = 0
  let count = 0
  for (let t = m; t < y.length; t++) {
    sum += Math.abs((y[t] ?? 0) - (y[t - m] ?? 0))
    count++
  }
  return count === 0 ? Number.NaN : sum / count
}

/** One forecast point with its actual value, for scoring. */
export interface ScoredPoint {
  actual: number
  forecast: number
  /** MASE denominator of the training part before this point's origin. */
  scale: number
  lower80?: number
  upper80?: number
  lower95?: number
  upper95?: number
  /** A known closure: left out of interval coverage (the interval is [0, 0] by construction). */
  closed?: boolean
}

/** Accuracy of a set of forecast points. */
export interface AccuracySummary {
  /** Mean of |actual − forecast| / scale over all points. */
  mase: number
  /** Mean of 2|a − f| / (|a| + |f|) over the points with a non-zero actual, as a fraction (0–2). */
  smape: number
  /** Share of open-day actuals inside the 80% interval (NaN without intervals). */
  coverage80: number
  /** Share of open-day actuals inside the 95% interval (NaN without intervals). */
  coverage95: number
  /**
   * Mean interval score of the 80% intervals (Gneiting & Raftery 2007): width + 2/0.2 × the
   * distance by which the actual falls outside, over open days, each divided by its MASE scale
   * (lower is better; it rewards narrow intervals only while they keep covering). NaN without intervals.
   */
  intervalScore80: number
  /** Number of points scored. */
  points: number
}

/**
 * MASE, sMAPE and interval coverage of scored points. MASE pools the points (each scaled by its
 * own origin's denominator), so each origin weighs by the number of points it forecast.
 */
export function accuracy(points: readonly ScoredPoint[]): AccuracySummary {
  let maseSum = 0
  let maseCount = 0
  let smapeSum = 0
  let smapeCount = 0
  let in80 = 0
  let in95 = 0
  let intervalCount = 0
  let scoreSum = 0
  let scoreCount = 0
  for (const p of points) {
    const error = Math.abs(p.actual - p.forecast)
    if (p.scale > 0 && Number.isFinite(p.scale)) {
      maseSum += error / p.scale
      maseCount++
    }
    if (p.actual !== 0) {
      smapeSum += (2 * error) / (Math.abs(p.actual) + Math.abs(p.forecast))
      smapeCount++
    }
    if (p.closed || p.lower80 === undefined || p.upper80 === undefined) continue
    intervalCount++
    if (p.actual >= p.lower80 && p.actual <= p.upper80) in80++
    if (p.scale > 0 && Number.isFinite(p.scale)) {
      const outside = Math.max(0, p.lower80 - p.actual) + Math.max(0, p.actual - p.upper80)
      scoreSum += (p.upper80 - p.lower80 + (2 / 0.2) * outside) / p.scale
      scoreCount++
    }
    if (p.lower95 !== undefined && p.upper95 !== undefined && p.actual >= p.lower95 && p.actual <= p.upper95) in95++
  }
  return {
    mase: maseCount === 0 ? Number.NaN : maseSum / maseCount,
    smape: smapeCount === 0 ? Number.NaN : smapeSum / smapeCount,
    coverage80: intervalCount === 0 ? Number.NaN : in80 / intervalCount,
    coverage95: intervalCount === 0 ? Number.NaN : in95 / intervalCount,
    intervalScore80: scoreCount === 0 ? Number.NaN : scoreSum / scoreCount,
    points: points.length,
  }
}
