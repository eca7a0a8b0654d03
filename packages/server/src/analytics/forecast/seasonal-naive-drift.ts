import { isObserved, lastObservedValue, type ModelFit, type ModelInput } from './model-input.js'

/**
 * Seasonal naive with drift (a seasonal random walk with drift): each future interval is the last
 * observed value at the same phase plus the mean change per season times the seasons since that
 * value. The drift d is the sum of the changes between consecutive observed values at each phase
 * over the whole history divided by the seasons they span (so a missing value does not bias it).
 * On a rising series it keeps seasonal naive's weekday pattern and follows the rise. Residuals are
 * the one-step errors of the same rule with the full-history drift.
 */
export function seasonalNaiveDrift(input: ModelInput): ModelFit {
  const { y, horizon } = input
  const m = Math.max(1, input.period)
  const n = y.length
  const last = new Array<{ t: number; value: number } | undefined>(m).fill(undefined)
  const changes: { value: number; seasons: number }[] = []
  let change = 0
  let seasons = 0
  for (let t = 0; t < n; t++) {
    if (!isObserved(input, t)) continue
    const value = y[t] ?? 0
    const previous = last[t % m]
    if (previous !== undefined) {
      const spanned = (t - previous.t) / m
      change += value - previous.value
      seasons += spanned
      changes.push({ value: value - previous.value, seasons: spanned })
    }
    last[t % m] = { t, value }
  }
  const drift = seasons > 0 ? change / seasons : 0
  const residuals = changes.map((c) => c.value - drift * c.seasons)
  const fallback = lastObservedValue(input)
  const forecast: number[] = []
  for (let h = 1; h <= horizon; h++) {
    const t = n + h - 1
    const previous = last[t % m]
    forecast.push(previous === undefined ? fallback : previous.value + (drift * (t - previous.t)) / m)
  }
  return { model: 'seasonal_naive_drift', forecast, residuals, params: { period: m, drift }, notes: [] }
}
