import { accuracy, type AccuracySummary, type ScoredPoint, seasonalNaiveScale } from './metrics.js'
import type { ModelFit, ModelName } from './model-input.js'
import { fitModel, unsupportedReason } from './models.js'
import { fitOnOpenDays, inferClosedDays } from './open-days.js'
import { seasonalNaive } from './seasonal-naive.js'
import { simpleExponentialSmoothing } from './simple-exponential-smoothing.js'
import { winsorizeHighs } from './winsorize.js'

/**
 * Fitted forecasts by model and origin, shared between calls on the same series (a forecast from
 * origin j depends only on the first j points and the calendar, so rolling evaluations that
 * revisit an origin reuse it). Never share one cache between different series.
 */
export type ForecastCache = Map<string, ModelFit>

/** How forecasts are made at each origin. */
export interface ForecastSetup {
  /** Season length. */
  period: number
  /** Intervals ahead to forecast from each origin. */
  horizon: number
  /** Known closures, indexed like the series (and beyond it for future closures). */
  closed?: readonly boolean[] | undefined
  /**
   * `'infer'` adds the closures {@link inferClosedDays} finds in the history before each origin;
   * `'none'` uses only `closed` (and with neither, models see the raw series).
   */
  calendar: 'infer' | 'none'
  /**
   * Huge values in the history are capped before fitting at `k` robust spreads above their local
   * level (see winsorizeHighs); 0 or undefined fits the raw history.
   */
  winsorize?: number | undefined
}

/** The closure flags for a forecast from `origin`: `origin + horizon` entries. */
export function closuresAt(series: readonly number[], origin: number, setup: ForecastSetup): boolean[] {
  const history = series.slice(0, origin)
  const inferred = setup.calendar === 'infer' ? inferClosedDays(history, setup.period, setup.horizon) : []
  const out: boolean[] = []
  for (let t = 0; t < origin + setup.horizon; t++) out.push((setup.closed?.[t] ?? false) || (inferred[t] ?? false))
  return out
}

/**
 * Fits `model` to the first `origin` points and forecasts `setup.horizon` points. Known closures
 * are handled by {@link fitOnOpenDays}; a model that cannot be fitted to so little data falls back
 * to simple exponential smoothing (or seasonal naive below 2 points), with a note.
 */
export function forecastFrom(series: readonly number[], origin: number, model: ModelName, setup: ForecastSetup, cache?: ForecastCache): ModelFit {
  const key = `${model}@${origin}/${setup.horizon}/${setup.calendar}/${setup.winsorize ?? 0}`
  const cached = cache?.get(key)
  if (cached) return cached
  const closed = closuresAt(series, origin, setup)
  const { values, capped } = winsorizeHighs(series.slice(0, origin), closed, setup.winsorize ?? 0)
  const input = { y: values, period: setup.period, horizon: setup.horizon }
  const fit = fitOnOpenDays(input, closed, (open) => {
    const reason = unsupportedReason(model, open.y.length, open.period)
    if (reason === undefined) return fitModel(model, open)
    const fallback = open.y.length >= 2 ? simpleExponentialSmoothing({ ...open, period: 1 }) : seasonalNaive({ ...open, period: 1 })
    return { ...fallback, model, notes: [...fallback.notes, `${model} ${reason}; used ${fallback.model} instead`] }
  })
  const result = capped === 0 ? fit : { ...fit, notes: [...fit.notes, `${capped} unusually high values capped before fitting (local median + ${setup.winsorize} robust σ)`] }
  cache?.set(key, result)
  return result
}

/** One origin of a rolling-origin backtest. */
export interface OriginForecast {
  /** Index of the first forecast point (the history is the points before it). */
  origin: number
  forecast: number[]
  /** Closure flag of each forecast point. */
  closed: boolean[]
}

/**
 * The points scored for a set of origin forecasts: forecasts past the end of the series are left
 * out, and each point carries the seasonal-naive MASE scale of its origin's history.
 */
export function scorePoints(series: readonly number[], forecasts: readonly OriginForecast[], period: number): ScoredPoint[] {
  const points: ScoredPoint[] = []
  for (const { origin, forecast, closed } of forecasts) {
    const scale = seasonalNaiveScale(series.slice(0, origin), period)
    forecast.forEach((value, s) => {
      const actual = series[origin + s]
      if (actual === undefined) return
      points.push({ actual, forecast: value, scale, closed: closed[s] ?? false })
    })
  }
  return points
}

/** Options for {@link backtest}. */
export interface BacktestOptions {
  /** Models to evaluate. */
  models: readonly ModelName[]
  /** Origins: the last `origins` points of the series each start a forecast. */
  origins: number
  /** Season length (and MASE's seasonal-naive lag). */
  period: number
  /** Points forecast from each origin (those past the end of the series are not scored). */
  horizon: number
  /** Known closures (see {@link ForecastSetup}). */
  closed?: readonly boolean[]
  /** @default 'infer' */
  calendar?: 'infer' | 'none'
  /** Reuse of fitted forecasts across calls on the same series. */
  cache?: ForecastCache
}

/**
 * Rolling-origin evaluation of point forecasts: from each of the last `origins` points, every
 * model is fitted to the history before it and forecasts `horizon` points; MASE (scaled by the
 * in-sample seasonal-naive error of that history) and sMAPE (over non-zero actuals) are pooled
 * over all forecast points. For intervals and their coverage use {@link selectModel}.
 */
export function backtest(series: readonly number[], options: BacktestOptions): Map<ModelName, AccuracySummary> {
  const setup: ForecastSetup = { period: options.period, horizon: options.horizon, closed: options.closed, calendar: options.calendar ?? 'infer' }
  const first = Math.max(1, series.length - options.origins)
  const out = new Map<ModelName, AccuracySummary>()
  for (const model of options.models) {
    const forecasts: OriginForecast[] = []
    for (let origin = first; origin < series.length; origin++) {
      forecasts.push({ origin, forecast: forecastFrom(series, origin, model, setup, options.cache).forecast, closed: closuresAt(series, origin, setup).slice(origin) })
    }
    out.set(model, accuracy(scorePoints(series, forecasts, options.period)))
  }
  return out
}
