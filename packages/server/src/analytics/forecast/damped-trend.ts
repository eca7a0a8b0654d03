import { isObserved, type ModelFit, type ModelInput, observedMean } from './model-input.js'
import { nelderMead } from './nelder-mead.js'
import { withSeasonalAdjustment } from './seasonal-adjustment.js'

/** Parameters of additive damped-trend exponential smoothing. */
export interface DampedTrendParams {
  alpha: number
  beta: number
  phi: number
}

/** Final state and fit of the damped-trend recursion. */
export interface DampedTrendState {
  level: number
  trend: number
  residuals: number[]
  sse: number
}

/**
 * Additive damped-trend recursion (Gardner & McKenzie), in error-correction form:
 * ŷₜ = ℓₜ₋₁ + φbₜ₋₁, eₜ = yₜ − ŷₜ, ℓₜ = ŷₜ + αeₜ, bₜ = φbₜ₋₁ + βeₜ.
 * Started at ℓ₀ = first observed value and b₀ = the slope between the means of the first two
 * blocks of `period` points (0 when the series is too short). Missing points get eₜ = 0.
 */
export function dampedTrendRecursion(input: ModelInput, params: DampedTrendParams): DampedTrendState {
  const { y } = input
  const { alpha, beta, phi } = params
  const block = Math.max(1, Math.min(input.period, Math.floor(y.length / 2)))
  const first = observedMean(input, 0, block)
  const second = observedMean(input, block, 2 * block)
  let trend = Number.isNaN(first) || Number.isNaN(second) ? 0 : (second - first) / block
  let level = Number.NaN
  const residuals: number[] = []
  let sse = 0
  for (let t = 0; t < y.length; t++) {
    if (Number.isNaN(level)) {
      if (isObserved(input, t)) level = y[t] ?? 0
      continue
    }
    const predicted = level + phi * trend
    const error = isObserved(input, t) ? (y[t] ?? 0) - predicted : 0
    if (isObserved(input, t)) {
      residuals.push(error)
      sse += error * error
    }
    level = predicted + alpha * error
    trend = phi * trend + beta * error
  }
  return { level: Number.isNaN(level) ? 0 : level, trend, residuals, sse }
}

/** h-step forecasts ℓₙ + (φ + φ² + … + φʰ) bₙ. */
export function dampedTrendForecast(state: DampedTrendState, phi: number, horizon: number): number[] {
  const out: number[] = []
  let damping = 0
  let power = 1
  for (let h = 1; h <= horizon; h++) {
    power *= phi
    damping += power
    out.push(state.level + damping * state.trend)
  }
  return out
}

/** Damped trend fitted to the series as it is (no seasonal adjustment). */
export function fitDampedTrendPlain(input: ModelInput): ModelFit {
  // β is searched as a share of α (β = α·β*) so the admissible region β ≤ α is a box.
  const toParams = ([alpha = 0.3, share = 0.1, phi = 0.9]: readonly number[]): DampedTrendParams => ({
    alpha,
    beta: alpha * share,
    phi,
  })
  const { x } = nelderMead((v) => dampedTrendRecursion(input, toParams(v)).sse, [0.3, 0.1, 0.9], {
    lower: [1e-4, 1e-4, 0.8],
    upper: [0.9999, 0.9999, 0.98],
    maxEvaluations: 300,
  })
  const params = toParams(x)
  const state = dampedTrendRecursion(input, params)
  return {
    model: 'damped_trend',
    forecast: dampedTrendForecast(state, params.phi, input.horizon),
    residuals: state.residuals,
    params: { ...params },
    notes: [],
  }
}

/**
 * Additive damped-trend exponential smoothing with α, β and φ (in [0.8, 0.98]) fitted by least
 * squares; on seasonal data it is fitted to the seasonally adjusted series.
 */
export function dampedTrend(input: ModelInput): ModelFit {
  return withSeasonalAdjustment(input, fitDampedTrendPlain)
}
