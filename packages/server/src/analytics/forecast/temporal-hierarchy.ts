import { solveLinear } from './autoregression.js'
import { fillMissing, isObserved, type ModelFit, type ModelInput } from './model-input.js'

/** Fewest points at the top level (whole seasons) for the hierarchy; below it only the base model is used. */
const MIN_TOP_POINTS = 4

/** How the levels' forecasts are weighted when they are reconciled (see reconcileTemporal). */
export type TemporalWeights = 'structural' | 'variance'

/** The aggregation levels of a season of length `period`: every divisor of it, 1 first (just [1] without a season). */
export function temporalLevels(period: number): number[] {
  const m = Math.max(1, Math.floor(period))
  const levels: number[] = []
  for (let k = 1; k <= m; k++) if (m % k === 0) levels.push(k)
  return levels
}

/**
 * Non-overlapping sums of `k` consecutive values, aligned to end at the last value (a leading
 * remainder of fewer than k values is dropped); a sum is observed only when all its values are.
 * Missing values are filled as fillMissing does, so the sums stay on the same scale.
 */
export function aggregateSeries(input: ModelInput, k: number): { y: number[]; observed: boolean[] } {
  const filled = fillMissing(input)
  const n = filled.length
  const y: number[] = []
  const observed: boolean[] = []
  for (let start = n % k; start + k <= n; start += k) {
    let sum = 0
    let all = true
    for (let t = start; t < start + k; t++) {
      sum += filled[t] ?? 0
      all &&= isObserved(input, t)
    }
    y.push(sum)
    observed.push(all)
  }
  return { y, observed }
}

/**
 * Reconciles the forecasts of one top-level period of a temporal hierarchy (Athanasopoulos et al.
 * 2017) by weighted least squares: the bottom-level values b minimise Σ wᵢ (ŷᵢ − (S b)ᵢ)² over
 * every node i, where node j of level k is the sum of bottom values j·k … (j + 1)·k − 1, and the
 * reconciled forecast of every level is S b (so the levels add up). `forecasts[l]` holds the
 * m / levels[l] forecasts of level `levels[l]`; `weights[l]` the weight of each of its nodes
 * (structural scaling: 1 / k; variance scaling: 1 / the level's one-step error variance).
 *
 * @returns the m reconciled bottom-level values
 */
export function reconcileTemporal(levels: readonly number[], forecasts: readonly (readonly number[])[], weights: readonly number[]): number[] {
  const m = Math.max(...levels)
  const a = Array.from({ length: m }, () => new Array<number>(m).fill(0))
  const b = new Array<number>(m).fill(0)
  levels.forEach((k, l) => {
    const w = weights[l] ?? 0
    for (let j = 0; j < m / k; j++) {
      const value = forecasts[l]?.[j] ?? 0
      // Node (k, j) covers bottom values j·k … (j + 1)·k − 1: it adds w to Sᵀ W S on that block
      // and w · ŷ to Sᵀ W ŷ on each of them.
      for (let r = j * k; r < (j + 1) * k; r++) {
        b[r] = (b[r] ?? 0) + w * value
        const row = a[r] ?? []
        for (let c = j * k; c < (j + 1) * k; c++) row[c] = (row[c] ?? 0) + w
      }
    }
  })
  return solveLinear(a, b) ?? (forecasts[0] ?? []).slice(0, m).map((v) => v)
}

/**
 * Temporal hierarchy forecasting (THieF, Athanasopoulos, Hyndman, Kourentzes & Petropoulos 2017):
 * the series is summed over every divisor k of its season (for 6 open days a week: days, 2- and
 * 3-day blocks and weeks, the blocks ending at the last value), `base` forecasts each level on its
 * own (season m / k), and each coming season is reconciled by weighted least squares so the daily
 * forecasts add up to the reconciled 2-day, 3-day and weekly ones (see reconcileTemporal). The
 * weekly level sees the trend with less noise, the daily one the weekday pattern. Without a season
 * (or with fewer than 4 seasons) this is `base` itself. Residuals are the daily level's.
 */
export function temporalHierarchy(input: ModelInput, base: (level: ModelInput) => ModelFit, weighting: TemporalWeights = 'structural'): ModelFit {
  const m = Math.max(1, input.period)
  const levels = temporalLevels(m)
  if (levels.length === 1 || input.y.length < MIN_TOP_POINTS * m) return base(input)
  const seasons = Math.ceil(input.horizon / m)
  const fits = levels.map((k) => {
    if (k === 1) return base({ ...input, horizon: seasons * m })
    const { y, observed } = aggregateSeries(input, k)
    return base({ y, observed, period: m / k, horizon: (seasons * m) / k })
  })
  const weights = levels.map((k, l) => {
    if (weighting === 'structural') return 1 / k
    const residuals = fits[l]?.residuals ?? []
    const variance = residuals.reduce((s, e) => s + e * e, 0) / Math.max(1, residuals.length)
    return variance > 0 ? 1 / variance : 1 / k
  })
  const bottom = fits[0] ?? base(input)
  const forecast: number[] = []
  for (let s = 0; s < seasons; s++) {
    const block = levels.map((k, l) => (fits[l]?.forecast ?? []).slice((s * m) / k, ((s + 1) * m) / k))
    forecast.push(...reconcileTemporal(levels, block, weights))
  }
  return {
    ...bottom,
    forecast: forecast.slice(0, input.horizon),
    notes: [...bottom.notes, `temporal hierarchy: ${bottom.model} at each of the levels ${levels.join(', ')} (points per block), reconciled by ${weighting === 'structural' ? 'structural scaling' : 'variance scaling'}`],
  }
}
