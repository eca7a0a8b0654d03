import { isObserved, type ModelFit, type ModelInput } from './model-input.js'
import { nelderMead } from './nelder-mead.js'
import { withSeasonalAdjustment } from './seasonal-adjustment.js'

/** State after running the SES recursion over a series. */
export interface SesState {
  /** Final level ℓₙ (the flat forecast). */
  level: number
  /** One-step errors yₜ − ℓₜ₋₁ at the observed points after the first. */
  residuals: number[]
  /** Sum of the squared one-step errors. */
  sse: number
}

/**
 * The simple exponential smoothing recursion ℓₜ = ℓₜ₋₁ + α (yₜ − ℓₜ₋₁), started at the first
 * observed value. Missing points leave the level unchanged.
 */
export function sesRecursion(input: ModelInput, alpha: number): SesState {
  const { y } = input
  let level = Number.NaN
  const residuals: number[] = []
  let sse = 0
  for (let t = 0; t < y.length; t++) {
    if (!isObserved(input, t)) continue
    const value = y[t] ?? 0
    if (Number.isNaN(level)) {
      level = value
      continue
    }
    const error = value - level
    residuals.push(error)
    sse += error * error
    level += alpha * error
  }
  return { level: Number.isNaN(level) ? 0 : level, residuals, sse }
}

/** Smoothing parameter α minimising the in-sample one-step squared error, in [0.0001, 0.9999]. */
export function fitSesAlpha(input: ModelInput): number {
  const { x } = nelderMead(([alpha = 0.3]) => sesRecursion(input, alpha).sse, [0.3], {
    lower: [1e-4],
    upper: [0.9999],
    maxEvaluations: 80,
  })
  return x[0] ?? 0.3
}

/** SES fitted to the series as it is (no seasonal adjustment). */
export function fitSesPlain(input: ModelInput): ModelFit {
  const alpha = fitSesAlpha(input)
  const state = sesRecursion(input, alpha)
  return {
    model: 'ses',
    forecast: new Array<number>(input.horizon).fill(state.level),
    residuals: state.residuals,
    params: { alpha },
    notes: [],
  }
}

/**
 * Simple exponential smoothing with α fitted by least squares; on seasonal data it is fitted to
 * the seasonally adjusted series and the season is put back into the forecast.
 */
export function simpleExponentialSmoothing(input: ModelInput): ModelFit {
  return withSeasonalAdjustment(input, fitSesPlain)
}
