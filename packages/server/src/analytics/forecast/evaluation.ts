import type { ForecastCache } from './backtest.js'
import { accuracy, type AccuracySummary, type ScoredPoint, seasonalNaiveScale } from './metrics.js'
import type { ModelName } from './model-input.js'
import { MODEL_NAMES } from './models.js'
import { seasonalNaive } from './seasonal-naive.js'
import { DEFAULT_COMBINE, selectModel } from './select-model.js'

/** Options for {@link evaluateForecasts}. */
export interface EvaluationOptions {
  /** Outer origins: the last `origins` points each start a forecast made from the data before them. */
  origins: number
  horizon: number
  period: number
  /**
   * Backtest origins used inside each forecast (model choice and intervals).
   * @default 8 × period
   */
  innerOrigins?: number
  /** @default every model */
  models?: readonly ModelName[]
  /** @default DEFAULT_COMBINE (2) */
  combine?: number
  /** See SelectModelOptions.combineAcross. */
  combineAcross?: 'rank' | 'families'
  /** @default 'infer' */
  calendar?: 'infer' | 'none'
  /** @default 'combination' */
  choose?: 'best' | 'combination'
  /** @default 'mean' */
  combineWith?: 'median' | 'mean' | 'weighted'
  /** See SelectModelOptions.winsorize. */
  winsorize?: number
  /** See SelectModelOptions.intervalOrigins. */
  intervalOrigins?: number
  /** See SelectModelOptions.intervalScale. */
  intervalScale?: 'level' | 'residual' | 'forecast'
  /** See SelectModelOptions.intervalAdapt. */
  intervalAdapt?: number
  /** See SelectModelOptions.intervalErrors. */
  intervalErrors?: 'chosen' | 'online'
}

/** Out-of-sample accuracy of one forecasting method. */
export interface EvaluationRow extends AccuracySummary {
  /** A model name, `'selected'` (the automatic choice) or `'baseline'` (raw seasonal naive). */
  method: ModelName | 'selected' | 'baseline'
  /** MASE divided by the raw seasonal-naive baseline's. */
  ratio: number
  /** For `'selected'`: how often each choice was made. */
  choices?: Record<string, number>
}

/**
 * Rolling-origin evaluation of the whole forecasting procedure, as the benchmark runs it: from
 * each of the last `origins` points, each candidate model on its own and the automatic choice
 * ({@link selectModel}, which backtests on the history before that origin only) forecast
 * `horizon` points with intervals; forecasts past the end of the series are not scored. The
 * baseline is seasonal naive on the raw series, without the calendar.
 */
export function evaluateForecasts(series: readonly number[], options: EvaluationOptions): EvaluationRow[] {
  const { horizon, period } = options
  const models = options.models ?? MODEL_NAMES
  const cache: ForecastCache = new Map()
  const first = series.length - options.origins
  const methods: (ModelName | 'selected')[] = [...models, 'selected']
  const points = new Map<string, ScoredPoint[]>(methods.map((m) => [m, []]))
  const baselinePoints: ScoredPoint[] = []
  const choices: Record<string, number> = {}
  for (let origin = first; origin < series.length; origin++) {
    const history = series.slice(0, origin)
    const scale = seasonalNaiveScale(history, period)
    const baseline = seasonalNaive({ y: history, period, horizon }).forecast
    for (const method of methods) {
      const selection = selectModel(history, {
        horizon,
        period,
        origins: options.innerOrigins ?? 8 * period,
        models: method === 'selected' ? models : [method],
        combine: method === 'selected' ? (options.combine ?? DEFAULT_COMBINE) : 0,
        calendar: options.calendar ?? 'infer',
        choose: options.choose ?? 'combination',
        combineWith: options.combineWith ?? 'mean',
        ...(options.winsorize === undefined ? {} : { winsorize: options.winsorize }),
        ...(options.combineAcross === undefined ? {} : { combineAcross: options.combineAcross }),
        ...(options.intervalScale === undefined ? {} : { intervalScale: options.intervalScale }),
        ...(options.intervalOrigins === undefined ? {} : { intervalOrigins: options.intervalOrigins }),
        ...(options.intervalAdapt === undefined ? {} : { intervalAdapt: options.intervalAdapt }),
        ...(options.intervalErrors === undefined ? {} : { intervalErrors: options.intervalErrors }),
        cache,
      })
      if (method === 'selected') choices[selection.model] = (choices[selection.model] ?? 0) + 1
      selection.points.forEach((p, s) => {
        const actual = series[origin + s]
        if (actual === undefined) return
        points.get(method)?.push({ actual, forecast: p.value, scale, ...p })
      })
    }
    baseline.forEach((value, s) => {
      const actual = series[origin + s]
      if (actual !== undefined) baselinePoints.push({ actual, forecast: value, scale })
    })
  }
  const base = accuracy(baselinePoints)
  const rows: EvaluationRow[] = [{ method: 'baseline', ...base, ratio: 1 }]
  for (const method of methods) {
    const summary = accuracy(points.get(method) ?? [])
    rows.push({ method, ...summary, ratio: summary.mase / base.mase, ...(method === 'selected' ? { choices } : {}) })
  }
  return rows
}
