import { isObserved, type ModelFit, type ModelInput, observedMean } from './model-input.js'
import { nelderMead } from './nelder-mead.js'

/** Additive or multiplicative seasonality. */
export type Seasonality = 'additive' | 'multiplicative'

/** Smoothing parameters of Holt–Winters with a damped additive trend. */
export interface HoltWintersParams {
  alpha: number
  beta: number
  gamma: number
  phi: number
}

/** Final state and fit of the Holt–Winters recursion. */
export interface HoltWintersState {
  level: number
  trend: number
  /** Seasonal index by phase (t mod period), as last updated. */
  season: number[]
  residuals: number[]
  sse: number
}

/**
 * Initial state from the first two seasons: ℓ = mean of season 1, b = (mean of season 2 −
 * mean of season 1) / m, sₚ = mean over both seasons of (y − its season's mean) — or the ratio,
 * for multiplicative seasonality — normalised to mean 0 (or 1).
 */
export function holtWintersInitialState(input: ModelInput, seasonality: Seasonality): { level: number; trend: number; season: number[] } {
  const m = input.period
  const mean1 = observedMean(input, 0, m)
  const mean2 = observedMean(input, m, 2 * m)
  const level = Number.isNaN(mean1) ? 0 : mean1
  const trend = Number.isNaN(mean1) || Number.isNaN(mean2) ? 0 : (mean2 - mean1) / m
  const neutral = seasonality === 'additive' ? 0 : 1
  const season: number[] = []
  for (let p = 0; p < m; p++) {
    let sum = 0
    let count = 0
    for (const [start, mean] of [
      [0, mean1],
      [m, mean2],
    ] as const) {
      const t = start + p
      if (!isObserved(input, t) || Number.isNaN(mean) || (seasonality === 'multiplicative' && mean === 0)) continue
      const value = input.y[t] ?? 0
      sum += seasonality === 'additive' ? value - mean : value / mean
      count++
    }
    season.push(count === 0 ? neutral : sum / count)
  }
  const centre = season.reduce((s, v) => s + v, 0) / m
  return {
    level,
    trend,
    season: season.map((v) => (seasonality === 'additive' ? v - centre : centre === 0 ? 1 : v / centre)),
  }
}

/**
 * Holt–Winters recursions with a damped trend, run from t = period (after the initial season):
 * additive  ŷ = ℓ + φb + s,  ℓ' = α(y − s) + (1−α)(ℓ+φb),  s' = γ(y − ℓ − φb) + (1−γ)s;
 * multiplicative  ŷ = (ℓ + φb)s,  ℓ' = αy/s + (1−α)(ℓ+φb),  s' = γy/(ℓ+φb) + (1−γ)s;
 * both  b' = β(ℓ' − ℓ) + (1−β)φb. A missing point is replaced by its forecast ŷ.
 */
export function holtWintersRecursion(input: ModelInput, seasonality: Seasonality, params: HoltWintersParams): HoltWintersState {
  const { alpha, beta, gamma, phi } = params
  const m = input.period
  const init = holtWintersInitialState(input, seasonality)
  let { level, trend } = init
  const season = init.season.slice()
  const residuals: number[] = []
  let sse = 0
  for (let t = m; t < input.y.length; t++) {
    const p = t % m
    const s = season[p] ?? 0
    const base = level + phi * trend
    const predicted = seasonality === 'additive' ? base + s : base * s
    const observed = isObserved(input, t)
    const value = observed ? (input.y[t] ?? 0) : predicted
    if (observed) {
      residuals.push(value - predicted)
      sse += (value - predicted) ** 2
    }
    const previousLevel = level
    if (seasonality === 'additive') {
      level = alpha * (value - s) + (1 - alpha) * base
      season[p] = gamma * (value - base) + (1 - gamma) * s
    } else {
      level = alpha * (s === 0 ? base : value / s) + (1 - alpha) * base
      season[p] = gamma * (base === 0 ? s : value / base) + (1 - gamma) * s
    }
    trend = beta * (level - previousLevel) + (1 - beta) * phi * trend
  }
  return { level, trend, season, residuals, sse }
}

/** h-step forecasts (ℓ + (φ + … + φʰ)b) combined with the season at each future phase. */
export function holtWintersForecast(state: HoltWintersState, seasonality: Seasonality, phi: number, n: number, horizon: number): number[] {
  const m = state.season.length
  const out: number[] = []
  let damping = 0
  let power = 1
  for (let h = 1; h <= horizon; h++) {
    power *= phi
    damping += power
    const base = state.level + damping * state.trend
    const s = state.season[(n + h - 1) % m] ?? (seasonality === 'additive' ? 0 : 1)
    out.push(seasonality === 'additive' ? base + s : base * s)
  }
  return out
}

function fit(input: ModelInput, seasonality: Seasonality): { params: HoltWintersParams; state: HoltWintersState } {
  const toParams = ([alpha = 0.2, beta = 0.05, gamma = 0.1, phi = 0.9]: readonly number[]): HoltWintersParams => ({ alpha, beta, gamma, phi })
  const { x } = nelderMead((v) => holtWintersRecursion(input, seasonality, toParams(v)).sse, [0.2, 0.05, 0.1, 0.9], {
    lower: [1e-4, 1e-4, 1e-4, 0.8],
    upper: [0.9999, 0.9999, 0.9999, 0.98],
    maxEvaluations: 400,
  })
  const params = toParams(x)
  return { params, state: holtWintersRecursion(input, seasonality, params) }
}

/**
 * Holt–Winters with additive seasonality and a damped additive trend, parameters fitted by least
 * squares. Needs at least two seasons of history.
 */
export function holtWintersAdditive(input: ModelInput): ModelFit {
  const { params, state } = fit(input, 'additive')
  return {
    model: 'holt_winters_additive',
    forecast: holtWintersForecast(state, 'additive', params.phi, input.y.length, input.horizon),
    residuals: state.residuals,
    params: { ...params },
    notes: [],
  }
}

/**
 * Holt–Winters with multiplicative seasonality and a damped additive trend. Seasonal ratios are
 * meaningless at or below zero, so when an observed value is ≤ 0 the model is fitted to y + c,
 * with c = −min(y) + 10% of the mean |y|, and c is subtracted from the forecasts (a note says so).
 */
export function holtWintersMultiplicative(input: ModelInput): ModelFit {
  let min = Number.POSITIVE_INFINITY
  let sumAbs = 0
  let count = 0
  for (let t = 0; t < input.y.length; t++) {
    if (!isObserved(input, t)) continue
    const v = input.y[t] ?? 0
    min = Math.min(min, v)
    sumAbs += Math.abs(v)
    count++
  }
  const offset = min > 0 ? 0 : -min + 0.1 * (count === 0 ? 1 : sumAbs / count || 1)
  const shifted: ModelInput = offset === 0 ? input : { ...input, y: input.y.map((v) => v + offset) }
  const { params, state } = fit(shifted, 'multiplicative')
  return {
    model: 'holt_winters_multiplicative',
    forecast: holtWintersForecast(state, 'multiplicative', params.phi, input.y.length, input.horizon).map((v) => v - offset),
    residuals: state.residuals,
    params: { ...params, offset },
    notes: offset === 0 ? [] : [`fitted to the values + ${offset.toFixed(2)} because some are ≤ 0 (multiplicative seasonality needs positive values)`],
  }
}
