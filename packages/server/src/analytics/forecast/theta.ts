import { isObserved, type ModelFit, type ModelInput } from './model-input.js'
import { withSeasonalAdjustment } from './seasonal-adjustment.js'
import { fitSesAlpha, sesRecursion } from './simple-exponential-smoothing.js'

/** Least-squares slope of the observed values against their time index (0 with < 2 points). */
export function ordinarySlope(input: ModelInput): number {
  let n = 0
  let sumT = 0
  let sumY = 0
  let sumTT = 0
  let sumTY = 0
  for (let t = 0; t < input.y.length; t++) {
    if (!isObserved(input, t)) continue
    const y = input.y[t] ?? 0
    n++
    sumT += t
    sumY += y
    sumTT += t * t
    sumTY += t * y
  }
  const denominator = n * sumTT - sumT * sumT
  return n < 2 || denominator === 0 ? 0 : (n * sumTY - sumT * sumY) / denominator
}

/**
 * Theta forecasts for a given α (Hyndman & Billah 2003, the form of `forecast::thetaf`): SES
 * with drift equal to half the least-squares slope b₀ of the series,
 * ŷₙ₊ₕ = ℓₙ + (b₀/2)·((h − 1) + 1/α − (1 − α)ⁿ/α).
 */
export function thetaForecast(input: ModelInput, alpha: number): { forecast: number[]; residuals: number[]; slope: number } {
  const state = sesRecursion(input, alpha)
  const slope = ordinarySlope(input)
  const n = input.y.length
  const forecast: number[] = []
  for (let h = 1; h <= input.horizon; h++) {
    forecast.push(state.level + (slope / 2) * (h - 1 + 1 / alpha - (1 - alpha) ** n / alpha))
  }
  return { forecast, residuals: state.residuals, slope }
}

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) in its SES-with-drift form, on the
 * seasonally adjusted series when the autocorrelation test finds a season; α fitted by least
 * squares.
 */
export function theta(input: ModelInput): ModelFit {
  return withSeasonalAdjustment(input, (adjusted) => {
    const alpha = fitSesAlpha(adjusted)
    const { forecast, residuals, slope } = thetaForecast(adjusted, alpha)
    return { model: 'theta', forecast, residuals, params: { alpha, slope }, notes: [] }
  })
}
