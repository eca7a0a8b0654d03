import { median } from '../stats/index.js'
import { fillMissing, isObserved, type ModelInput } from './model-input.js'

/** Seasonal indices of a series and how to apply them. */
export interface SeasonalAdjustment {
  kind: 'multiplicative' | 'additive' | 'none'
  /** One index per phase (t mod period): a factor (mean 1) or an offset (mean 0). */
  indices: number[]
  /** The observed values divided by (or minus) their index; missing points keep their place. */
  adjusted: number[]
}

/**
 * Whether the series has a season of length `period`: the autocorrelation at lag `period`
 * exceeds the 90% bound 1.645·√((1 + 2 Σ_{k<period} r_k²) / n), the test the Theta method
 * uses (Hyndman & Billah 2003; Assimakopoulos & Nikolopoulos 2000).
 */
export function hasSeason(values: readonly number[], period: number): boolean {
  const n = values.length
  if (period < 2 || n < 3 * period) return false
  const mean = values.reduce((s, v) => s + v, 0) / n
  let denominator = 0
  for (const v of values) denominator += (v - mean) ** 2
  if (denominator === 0) return false
  const acf = (lag: number): number => {
    let sum = 0
    for (let t = lag; t < n; t++) sum += ((values[t] ?? mean) - mean) * ((values[t - lag] ?? mean) - mean)
    return sum / denominator
  }
  let sumSquares = 0
  for (let k = 1; k < period; k++) sumSquares += acf(k) ** 2
  return Math.abs(acf(period)) > 1.645 * Math.sqrt((1 + 2 * sumSquares) / n)
}

/** Centred moving average of one season (2×m for an even m), NaN where the window does not fit. */
function centredMovingAverage(values: readonly number[], m: number): number[] {
  const n = values.length
  const out = new Array<number>(n).fill(Number.NaN)
  const half = Math.floor(m / 2)
  for (let t = half; t < n - half; t++) {
    let sum = 0
    if (m % 2 === 1) {
      for (let k = -half; k <= half; k++) sum += values[t + k] ?? 0
      out[t] = sum / m
    } else {
      for (let k = -half + 1; k < half; k++) sum += values[t + k] ?? 0
      sum += ((values[t - half] ?? 0) + (values[t + half] ?? 0)) / 2
      out[t] = sum / m
    }
  }
  return out
}

/**
 * Classical decomposition indices: the ratio (or difference) of each observed value to the
 * centred moving average, summarised per phase by the median (so a few huge orders do not move
 * the profile), then normalised to mean 1 (or 0). Multiplicative when every value is positive,
 * additive otherwise or when `only` says so (on a transformed scale, see withBoxCox).
 */
export function seasonalAdjustment(input: ModelInput, only?: 'additive'): SeasonalAdjustment {
  const m = input.period
  const filled = fillMissing(input)
  if (m < 2 || !hasSeason(filled, m)) return { kind: 'none', indices: [], adjusted: filled }
  const kind = only !== 'additive' && filled.every((v) => v > 0) ? 'multiplicative' : 'additive'
  const trend = centredMovingAverage(filled, m)
  const byPhase: number[][] = Array.from({ length: m }, () => [])
  for (let t = 0; t < filled.length; t++) {
    const level = trend[t] ?? Number.NaN
    if (!isObserved(input, t) || Number.isNaN(level)) continue
    const value = filled[t] ?? 0
    byPhase[t % m]?.push(kind === 'multiplicative' ? value / level : value - level)
  }
  const raw = byPhase.map((values) => (values.length === 0 ? Number.NaN : median(values)))
  const known = raw.filter((v) => !Number.isNaN(v))
  const centre = known.reduce((s, v) => s + v, 0) / Math.max(1, known.length)
  const indices = raw.map((v) => {
    if (Number.isNaN(v)) return kind === 'multiplicative' ? 1 : 0
    return kind === 'multiplicative' ? v / centre : v - centre
  })
  const adjusted = filled.map((v, t) => applyIndex(kind, indices, t, v, -1))
  return { kind, indices, adjusted }
}

/** Applies (direction 1) or removes (direction −1) the seasonal index of time `t` to a value. */
export function applyIndex(kind: SeasonalAdjustment['kind'], indices: readonly number[], t: number, value: number, direction: 1 | -1): number {
  if (kind === 'none' || indices.length === 0) return value
  const index = indices[t % indices.length] ?? (kind === 'multiplicative' ? 1 : 0)
  if (kind === 'multiplicative') return direction === 1 ? value * index : value / index
  return direction === 1 ? value + index : value - index
}

/**
 * Fits a non-seasonal model on the seasonally adjusted series and puts the season back into its
 * forecasts and residuals (the usual way to use SES, damped trend and Theta on seasonal data).
 */
export function withSeasonalAdjustment<T extends { forecast: number[]; residuals: number[]; notes: string[] }>(
  input: ModelInput,
  fit: (adjusted: ModelInput) => T,
  only?: 'additive',
): T {
  const adjustment = seasonalAdjustment(input, only)
  const n = input.y.length
  const adjustedInput: ModelInput = { ...input, y: adjustment.adjusted }
  const result = fit(adjustedInput)
  if (adjustment.kind === 'none') return result
  const forecast = result.forecast.map((v, h) => applyIndex(adjustment.kind, adjustment.indices, n + h, v, 1))
  // Residuals stay in adjusted units: the indices average 1 (or 0), so their spread is comparable.
  return { ...result, forecast, notes: [...result.notes, `fitted on ${adjustment.kind}ly seasonally adjusted data (period ${input.period})`] }
}
