import { median } from '../stats/index.js'
import { seededUniform } from '../stats/seeded-uniform.js'
import { movingBlockBootstrap } from './block-bootstrap.js'
import { boxCox, boxCoxLambda, inverseBoxCox } from './box-cox.js'
import { fitDampedTrendPlain } from './damped-trend.js'
import { fillMissing, isObserved, type ModelFit, type ModelInput } from './model-input.js'
import { fitSesPlain } from './simple-exponential-smoothing.js'
import { stlPeriodic } from './stl-periodic.js'

/** Options for {@link baggedEts}. */
export interface BaggedEtsOptions {
  /**
   * Series fitted: the original and `replicates − 1` bootstrapped ones. Bergmeir et al. use 100;
   * 20 keeps a full-history forecast (57 backtest fits) near a second.
   * @default BAGGED_REPLICATES (20)
   */
  replicates?: number
  /** Seed of the bootstrap's random numbers (the forecast is deterministic for a given seed). @default 1 */
  seed?: number
  /**
   * How the replicates' forecasts are merged: `'mean'` as in the paper and R's `baggedModel`, or
   * `'median'`.
   * @default 'mean'
   */
  aggregate?: 'mean' | 'median'
}

/** Default number of series in the bag (see BaggedEtsOptions.replicates). */
export const BAGGED_REPLICATES = 20

/** Corrected Akaike criterion of a least-squares fit with `k` parameters to `n` one-step errors. */
function aicc(sse: number, n: number, k: number): number {
  if (!(sse > 0) || n - k - 1 <= 0) return Number.POSITIVE_INFINITY
  return n * Math.log(sse / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1)
}

/**
 * Exponential smoothing of a non-seasonal series, the form chosen by AICc as `ets` chooses among its
 * forms: SES (α and the initial level: 2 parameters) or the additive damped trend (α, β, φ, the
 * initial level and slope: 5).
 */
export function fitSmoothingByAicc(input: ModelInput): ModelFit & { form: 'ses' | 'damped_trend' } {
  const ses = fitSesPlain(input)
  const damped = fitDampedTrendPlain(input)
  const sse = (r: readonly number[]): number => r.reduce((s, e) => s + e * e, 0)
  const useDamped = aicc(sse(damped.residuals), damped.residuals.length, 5) < aicc(sse(ses.residuals), ses.residuals.length, 2)
  return useDamped ? { ...damped, form: 'damped_trend' } : { ...ses, form: 'ses' }
}

/**
 * Bagged exponential smoothing (Bergmeir, Hyndman & Benítez 2016): the series is Box–Cox
 * transformed (λ by likelihood, see boxCoxLambda; non-positive values are missing; on the raw
 * scale when fewer than half are positive), decomposed by STL with a periodic season (see
 * stlPeriodic; missing points filled by the last value at the same phase), and `replicates − 1`
 * new series are built as trend + season + a moving-block bootstrap of the remainder (blocks of
 * 2 × period, 8 without a season). Exponential smoothing — SES or damped trend, by AICc — is
 * fitted to each series (the original included) with the season taken out, the season is put
 * back, the forecasts are transformed back, and their mean (or median) is the forecast. Seeded,
 * so deterministic. Residuals are those of the original series' fit, on the original scale.
 */
export function baggedEts(input: ModelInput, options: BaggedEtsOptions = {}): ModelFit {
  const n = input.y.length
  const period = Math.max(1, input.period)
  const replicates = Math.max(1, Math.floor(options.replicates ?? BAGGED_REPLICATES))
  const random = seededUniform(options.seed ?? 1)
  const notes: string[] = []

  let observedCount = 0
  let positive = 0
  for (let t = 0; t < n; t++) {
    if (!isObserved(input, t)) continue
    observedCount++
    if ((input.y[t] ?? 0) > 0) positive++
  }
  const transform = positive >= 2 && positive >= observedCount / 2
  const lambda = transform ? boxCoxLambda(input.y.map((v, t) => (isObserved(input, t) && v > 0 ? v : Number.NaN)), period) : 1
  const forward = (v: number): number => (transform ? boxCox(v, lambda) : v)
  const back = (z: number): number => (transform ? inverseBoxCox(z, lambda) : z)
  if (!transform) notes.push('too few positive values for a Box–Cox transform: bagged on the raw scale')
  const observed = input.y.map((v, t) => isObserved(input, t) && (!transform || v > 0))
  const z = fillMissing({ y: input.y.map((v, t) => (observed[t] ? forward(v) : 0)), observed, period, horizon: input.horizon })

  const { indices, seasonal, trend, remainder } = stlPeriodic(z, period)
  const seasonAt = (t: number): number => (indices.length === 0 ? 0 : (indices[t % period] ?? 0))
  const blockSize = period > 1 ? 2 * period : 8
  const forecasts: number[][] = []
  const forms = { ses: 0, damped_trend: 0 }
  let original: ReturnType<typeof fitSmoothingByAicc> | undefined
  for (let r = 0; r < replicates; r++) {
    const series = r === 0 ? z : movingBlockBootstrap(remainder, blockSize, random).map((e, t) => (trend[t] ?? 0) + (seasonal[t] ?? 0) + e)
    const adjusted = series.map((v, t) => v - seasonAt(t))
    const fit = fitSmoothingByAicc({ y: adjusted, observed, period: 1, horizon: input.horizon })
    if (r === 0) original = fit
    forms[fit.form]++
    forecasts.push(fit.forecast.map((v, h) => back(v + seasonAt(n + h))))
  }
  const aggregate = options.aggregate ?? 'mean'
  const forecast = Array.from({ length: input.horizon }, (_, h) => {
    const values = forecasts.map((f) => f[h] ?? 0)
    return aggregate === 'median' ? median(values) : values.reduce((a, b) => a + b, 0) / values.length
  })
  // One-step residuals of the original series' fit, mapped to the original scale (fitted z = z − e).
  const times = observed.flatMap((o, t) => (o ? [t] : [])).slice(-(original?.residuals.length ?? 0))
  const residuals = (original?.residuals ?? []).map((e, i) => {
    const t = times[i] ?? 0
    return (input.y[t] ?? 0) - back((z[t] ?? 0) - e)
  })
  notes.push(
    `bagged exponential smoothing: ${replicates} series (STL remainder bootstrapped in blocks of ${blockSize}${transform ? `, Box–Cox λ = ${lambda.toFixed(2)}` : ''}), ${forms.damped_trend} fitted with a damped trend and ${forms.ses} with SES by AICc, ${aggregate} of their forecasts`,
  )
  return { model: 'bagged_ets', forecast, residuals, params: { lambda, replicates, dampedShare: forms.damped_trend / replicates }, notes }
}
