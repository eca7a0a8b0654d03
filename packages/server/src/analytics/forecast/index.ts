/**
 * Dependency-free sales forecasting: classic models (seasonal naive and mean, simple and damped-trend
 * exponential smoothing, Holt–Winters additive and multiplicative, Theta) fitted by least squares
 * with a bounded Nelder–Mead, open-day calendars for shops that close on fixed weekdays, a
 * combination, rolling-origin backtests (MASE, sMAPE, coverage) and conformal-style intervals.
 */
export { type BacktestOptions, backtest, type ForecastCache, forecastFrom } from './backtest.js'
export { dampedTrend } from './damped-trend.js'
export { type EvaluationOptions, type EvaluationRow, evaluateForecasts } from './evaluation.js'
export { holtWintersAdditive, holtWintersMultiplicative } from './holt-winters.js'
export { empiricalIntervals, type IntervalBounds, residualIntervals } from './intervals.js'
export { type AccuracySummary, accuracy, type ScoredPoint, seasonalNaiveScale } from './metrics.js'
export type { ModelFit, ModelInput, ModelName } from './model-input.js'
export { EXTRA_MODEL_NAMES, fitModel, MODEL_NAMES } from './models.js'
export { type NelderMeadOptions, type NelderMeadResult, nelderMead } from './nelder-mead.js'
export { fitOnOpenDays, inferClosedDays } from './open-days.js'
export { SEASONAL_MEAN_SEASONS, seasonalMean } from './seasonal-mean.js'
export { seasonalNaive } from './seasonal-naive.js'
export { type ForecastPoint, type ModelSelection, type SelectModelOptions, selectModel } from './select-model.js'
export { simpleExponentialSmoothing } from './simple-exponential-smoothing.js'
export { theta } from './theta.js'
