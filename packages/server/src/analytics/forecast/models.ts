import { dampedTrend } from './damped-trend.js'
import { holtWintersAdditive, holtWintersMultiplicative } from './holt-winters.js'
import type { ModelFit, ModelInput, ModelName } from './model-input.js'
import { seasonalMean } from './seasonal-mean.js'
import { seasonalNaive } from './seasonal-naive.js'
import { simpleExponentialSmoothing } from './simple-exponential-smoothing.js'
import { theta } from './theta.js'

/** Every candidate model, in the order they are reported. */
export const MODEL_NAMES: readonly ModelName[] = [
  'seasonal_naive',
  'seasonal_mean',
  'ses',
  'damped_trend',
  'holt_winters_additive',
  'holt_winters_multiplicative',
  'theta',
]

/** Fits the named model. */
export function fitModel(model: ModelName, input: ModelInput): ModelFit {
  switch (model) {
    case 'seasonal_naive':
      return seasonalNaive(input)
    case 'seasonal_mean':
      return seasonalMean(input)
    case 'ses':
      return simpleExponentialSmoothing(input)
    case 'damped_trend':
      return dampedTrend(input)
    case 'holt_winters_additive':
      return holtWintersAdditive(input)
    case 'holt_winters_multiplicative':
      return holtWintersMultiplicative(input)
    case 'theta':
      return theta(input)
    default: {
      const unknown: never = model
      throw new Error(`unknown model ${String(unknown)}`)
    }
  }
}

/**
 * Why a model cannot be fitted to `n` points with this season, or undefined when it can.
 * Holt–Winters needs two full seasons to initialise its seasonal indices.
 */
export function unsupportedReason(model: ModelName, n: number, period: number): string | undefined {
  if (n < 2) return 'needs at least 2 points'
  if ((model === 'holt_winters_additive' || model === 'holt_winters_multiplicative') && (period < 2 || n < 2 * period)) {
    return period < 2 ? 'needs a season' : `needs two seasons (${2 * period} points)`
  }
  return undefined
}
