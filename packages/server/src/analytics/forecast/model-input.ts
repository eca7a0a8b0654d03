/** The candidate forecasting models, by the name the API reports. */
export type ModelName =
  | 'seasonal_naive'
  | 'seasonal_mean'
  | 'ses'
  | 'damped_trend'
  | 'holt_winters_additive'
  | 'holt_winters_multiplicative'
  | 'theta'
  | 'ses_boxcox'
  | 'damped_trend_boxcox'
  | 'autoregression'
  | 'ar_boxcox'
  | 'bagged_ets'
  | 'thief'
  | 'thief_variance'
  | 'seasonal_naive_drift'

/** A series to fit, one value per interval, oldest first. */
export interface ModelInput {
  /** The values; a value whose `observed` flag is false is ignored. */
  y: readonly number[]
  /**
   * Which values are real observations. A false entry (a closure, a known-missing day) is
   * treated as missing: the recursions carry their one-step forecast through it (zero
   * innovation) and it is left out of the fitting error and the residuals.
   * @default all true
   */
  observed?: readonly boolean[]
  /** Season length (7 for daily data with a weekly cycle, 1 for none). */
  period: number
  /** Number of future intervals to forecast. */
  horizon: number
}

/** A fitted model: point forecasts and the in-sample one-step residuals. */
export interface ModelFit {
  model: ModelName
  /** `horizon` point forecasts. */
  forecast: number[]
  /** In-sample one-step-ahead errors (actual − forecast) over the observed fitted points. */
  residuals: number[]
  /** Fitted parameters, by name (for notes and tests). */
  params: Record<string, number>
  /** Why the model did something unusual (fallbacks, offsets). */
  notes: string[]
}

/** Whether point `t` of the input is a real observation. */
export function isObserved(input: ModelInput, t: number): boolean {
  return (input.observed?.[t] ?? true) && Number.isFinite(input.y[t] ?? Number.NaN)
}

/** The last observed value, or 0 when nothing was observed. */
export function lastObservedValue(input: ModelInput): number {
  for (let t = input.y.length - 1; t >= 0; t--) if (isObserved(input, t)) return input.y[t] ?? 0
  return 0
}

/** Mean of the observed values in `[from, to)`, or NaN when there are none. */
export function observedMean(input: ModelInput, from: number, to: number): number {
  let sum = 0
  let count = 0
  for (let t = Math.max(0, from); t < Math.min(to, input.y.length); t++) {
    if (!isObserved(input, t)) continue
    sum += input.y[t] ?? 0
    count++
  }
  return count === 0 ? Number.NaN : sum / count
}

/**
 * The values with every missing point replaced by the last observed value at the same phase
 * of the season (or the previous observed value, or 0, when there is none).
 */
export function fillMissing(input: ModelInput): number[] {
  const m = Math.max(1, input.period)
  const filled: number[] = []
  let lastObserved = Number.NaN
  for (let t = 0; t < input.y.length; t++) {
    if (isObserved(input, t)) {
      lastObserved = input.y[t] ?? 0
      filled.push(lastObserved)
      continue
    }
    const samePhase = t >= m ? filled[t - m] : undefined
    filled.push(samePhase ?? (Number.isNaN(lastObserved) ? 0 : lastObserved))
  }
  // Leading missing values have nothing before them: take the first observed value at the same phase.
  for (let t = input.y.length - 1; t >= 0; t--) {
    if (isObserved(input, t)) continue
    const later = filled[t + m]
    if (later !== undefined && !Number.isNaN(lastObserved) && t < m) filled[t] = later
  }
  return filled
}

/** Sum of squares of the values. */
export function sumOfSquares(values: readonly number[]): number {
  let sum = 0
  for (const v of values) sum += v * v
  return sum
}
