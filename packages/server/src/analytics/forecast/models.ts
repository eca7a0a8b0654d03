import { fitAutoregressionPlain } from './autoregression.js'
import { baggedEts } from './bagged-ets.js'
import { withBoxCox } from './box-cox-fit.js'
import { dampedTrend, fitDampedTrendPlain } from './damped-trend.js'
import { holtWintersAdditive, holtWintersMultiplicative } from './holt-winters.js'
import type { ModelFit, ModelInput, ModelName } from './model-input.js'
import { seasonalMean } from './seasonal-mean.js'
import { withSeasonalAdjustment } from './seasonal-adjustment.js'
import { seasonalNaive } from './seasonal-naive.js'
import { seasonalNaiveDrift } from './seasonal-naive-drift.js'
import { fitSesPlain, simpleExponentialSmoothing } from './simple-exponential-smoothing.js'
import { temporalHierarchy } from './temporal-hierarchy.js'
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

/**
 * Models that can be fitted by name but are not candidates unless asked for (tried on the
 * development windows, see BENCHMARKS.md): SES and damped trend on the Box–Cox scale, and an
 * autoregression (order by AICc) on the seasonally adjusted series, raw or on the Box–Cox scale;
 * bagged exponential smoothing (see baggedEts); temporal hierarchies of the damped trend reconciled
 * by structural or variance scaling (see temporalHierarchy); seasonal naive with drift.
 */
export const EXTRA_MODEL_NAMES: readonly ModelName[] = ['ses_boxcox', 'damped_trend_boxcox', 'autoregression', 'ar_boxcox', 'bagged_ets', 'thief', 'thief_variance', 'seasonal_naive_drift']

/**
 * The kind of forecast a model makes: `'smoothing'` follows the recent level (exponential smoothing,
 * Theta, seasonal naive); `'local_mean'` pulls towards an average of a longer stretch of history
 * (the seasonal mean, the autoregressions, which revert to their mean). Combining one of each
 * mixes two different kinds of error (see SelectModelOptions.combineAcross).
 */
export function modelFamily(model: ModelName): 'smoothing' | 'local_mean' {
  return model === 'seasonal_mean' || model === 'autoregression' || model === 'ar_boxcox' ? 'local_mean' : 'smoothing'
}

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
    case 'ses_boxcox':
      return { ...withBoxCox(input, fitSesPlain), model }
    case 'damped_trend_boxcox':
      return { ...withBoxCox(input, fitDampedTrendPlain), model }
    case 'autoregression':
      return { ...withSeasonalAdjustment(input, fitAutoregressionPlain), model }
    case 'ar_boxcox':
      return { ...withBoxCox(input, fitAutoregressionPlain), model }
    case 'bagged_ets':
      return baggedEts(input)
    case 'thief':
      return { ...temporalHierarchy(input, dampedTrend, 'structural'), model }
    case 'thief_variance':
      return { ...temporalHierarchy(input, dampedTrend, 'variance'), model }
    case 'seasonal_naive_drift':
      return seasonalNaiveDrift(input)
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
