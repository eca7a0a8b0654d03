import { isObserved, type ModelFit, type ModelInput } from './model-input.js'

/** Seasons averaged by {@link seasonalMean}. */
export const SEASONAL_MEAN_SEASONS = 16

/**
 * Seasonal mean: each future interval is the mean of the last {@link SEASONAL_MEAN_SEASONS}
 * observed values at the same phase of the season (fewer when the history is shorter; the mean
 * of every observed value when a phase has none). Missing values are skipped. A steadier cousin
 * of seasonal naive that keeps the recent weekday profile; in a combination it adds a forecast
 * that does not come from exponential smoothing. The residuals are the one-step errors of the
 * same rule over the history.
 */
export function seasonalMean(input: ModelInput, seasons = SEASONAL_MEAN_SEASONS): ModelFit {
  const { y, horizon } = input
  const m = Math.max(1, input.period)
  const n = y.length
  const recent: number[][] = Array.from({ length: m }, () => [])
  const residuals: number[] = []
  let total = 0
  let count = 0
  const meanOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length
  for (let t = 0; t < n; t++) {
    if (!isObserved(input, t)) continue
    const value = y[t] ?? 0
    const phase = recent[t % m] ?? []
    if (phase.length > 0) residuals.push(value - meanOf(phase))
    phase.push(value)
    if (phase.length > seasons) phase.shift()
    total += value
    count++
  }
  const fallback = count === 0 ? 0 : total / count
  const forecast: number[] = []
  for (let h = 1; h <= horizon; h++) {
    const phase = recent[(n + h - 1) % m] ?? []
    forecast.push(phase.length === 0 ? fallback : meanOf(phase))
  }
  return { model: 'seasonal_mean', forecast, residuals, params: { period: m, seasons }, notes: [] }
}
