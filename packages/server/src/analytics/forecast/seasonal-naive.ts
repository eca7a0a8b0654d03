import { isObserved, lastObservedValue, type ModelFit, type ModelInput } from './model-input.js'

/**
 * Seasonal naive: each future interval repeats the last observed value at the same phase of the
 * season (`period` 1 gives the plain naive forecast). Missing values are skipped back to the
 * previous season's value at that phase.
 */
export function seasonalNaive(input: ModelInput): ModelFit {
  const { y, horizon } = input
  const m = Math.max(1, input.period)
  const n = y.length
  // last[p]: last observed value at phase p (phase = t mod m), carried forward through the history.
  const last = new Array<number | undefined>(m).fill(undefined)
  const residuals: number[] = []
  for (let t = 0; t < n; t++) {
    if (!isObserved(input, t)) continue
    const value = y[t] ?? 0
    const previous = last[t % m]
    if (previous !== undefined) residuals.push(value - previous)
    last[t % m] = value
  }
  const fallback = lastObservedValue(input)
  const forecast: number[] = []
  for (let h = 1; h <= horizon; h++) forecast.push(last[(n + h - 1) % m] ?? fallback)
  return { model: 'seasonal_naive', forecast, residuals, params: { period: m }, notes: [] }
}
