import { boxCox, boxCoxLambda, inverseBoxCox } from './box-cox.js'
import { isObserved, type ModelFit, type ModelInput } from './model-input.js'
import { withSeasonalAdjustment } from './seasonal-adjustment.js'

/**
 * Fits a model on the Box–Cox scale: λ is estimated by likelihood from the observed positive values
 * (see boxCoxLambda; λ = 0 is the log), the series is transformed, seasonally adjusted with
 * additive indices on that scale (a multiplicative weekly profile for λ = 0), fitted by `fit`, and
 * the forecasts are transformed back. A level-based model on the log scale follows a multiplicative
 * rise, and a noise that grows with the level weighs less on the fit. The back-transformed forecast
 * is the median of the forecast distribution (no bias adjustment): the right point forecast for an
 * absolute-error measure such as MASE on a right-skewed series. Non-positive observations (a day
 * of net refunds) are treated as missing; when fewer than half the observations are positive the
 * model is fitted on the raw scale instead, with a note. Residuals are on the original scale.
 */
export function withBoxCox(input: ModelInput, fit: (transformed: ModelInput) => ModelFit): ModelFit {
  const values = input.y.map((v, t) => (isObserved(input, t) && v > 0 ? v : Number.NaN))
  const positive = values.filter((v) => !Number.isNaN(v)).length
  let observedCount = 0
  for (let t = 0; t < input.y.length; t++) if (isObserved(input, t)) observedCount++
  if (positive < 2 || positive < observedCount / 2) {
    const raw = withSeasonalAdjustment(input, fit)
    return { ...raw, notes: [...raw.notes, 'too few positive values for a Box–Cox transform: fitted on the raw scale'] }
  }
  const lambda = boxCoxLambda(values, input.period)
  const observed = values.map((v) => !Number.isNaN(v))
  const z = values.map((v) => (Number.isNaN(v) ? 0 : boxCox(v, lambda)))
  const result = withSeasonalAdjustment({ y: z, observed, period: input.period, horizon: input.horizon }, fit, 'additive')
  // The base models give one residual per observed point after the first, on the additive
  // adjusted scale, where fitted zₜ = zₜ − eₜ exactly; map them back to the original scale.
  const times = observed.flatMap((o, t) => (o ? [t] : [])).slice(-result.residuals.length)
  const residuals = result.residuals.map((e, i) => {
    const t = times[i] ?? 0
    return (values[t] ?? 0) - inverseBoxCox((z[t] ?? 0) - e, lambda)
  })
  const notes = [...result.notes, `fitted on the Box–Cox scale (λ = ${lambda.toFixed(2)}, by likelihood); forecasts are medians`]
  if (positive < observedCount) notes.push(`${observedCount - positive} non-positive values left out of the fit`)
  return {
    ...result,
    forecast: result.forecast.map((v) => inverseBoxCox(v, lambda)),
    residuals,
    params: { ...result.params, lambda },
    notes,
  }
}
