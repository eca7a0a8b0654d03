import { describe, expect, it } from 'vitest'
import { boxCox, boxCoxLambda, boxCoxLogLikelihood, inverseBoxCox } from './box-cox.js'
import { withBoxCox } from './box-cox-fit.js'
import { fitSesPlain } from './simple-exponential-smoothing.js'

describe('Box–Cox transform', () => {
  it('is (y^λ − 1)/λ, the log at λ = 0, and inverts exactly', () => {
    expect(boxCox(4, 0.5)).toBe(2) // (2 − 1)/0.5
    expect(boxCox(Math.E, 0)).toBe(1)
    expect(boxCox(5, 1)).toBe(4)
    for (const lambda of [0, 0.25, 0.5, 1]) expect(inverseBoxCox(boxCox(7.5, lambda), lambda)).toBeCloseTo(7.5, 12)
    expect(inverseBoxCox(-3, 0.5)).toBe(0) // λz + 1 < 0: outside the range
  })

  it('profile likelihood of a seasonal random walk with the Jacobian term', () => {
    // period 1, y = 1, 2, 4: at λ = 0 the log differences are ln 2 twice, σ̂² = (ln 2)²,
    // ℓ = −(2/2)·ln((ln 2)²) + (0 − 1)·(ln 2 + ln 4) = −2 ln ln 2 − 3 ln 2
    expect(boxCoxLogLikelihood([1, 2, 4], 1, 0)).toBeCloseTo(-2 * Math.log(Math.log(2)) - 3 * Math.log(2), 12)
    // λ = 1: differences 1 and 2, σ̂² = 2.5, no Jacobian term
    expect(boxCoxLogLikelihood([1, 2, 4], 1, 1)).toBeCloseTo(-Math.log(2.5), 12)
    // absent values (NaN) and non-positive ones break their pairs
    expect(boxCoxLogLikelihood([1, Number.NaN, 4, 8, 16], 1, 0)).toBeCloseTo(-2 * Math.log(Math.log(2)) - (Math.log(8) + Math.log(16)), 12)
  })

  it('estimates λ near 0 for multiplicative noise and near 1 for additive noise', () => {
    // A deterministic zig-zag: ×1.5 / ÷1.5 around a level that doubles (multiplicative) …
    const multiplicative = Array.from({ length: 60 }, (_, t) => 100 * 2 ** (t / 20) * (t % 2 === 0 ? 1.5 : 1 / 1.5) * (1 + 0.1 * Math.sin(t)))
    expect(boxCoxLambda(multiplicative, 1)).toBeLessThan(0.15)
    // … and ±30 around a level that rises from 100 to 400 (additive).
    const additive = Array.from({ length: 60 }, (_, t) => 100 + 5 * t + (t % 2 === 0 ? 30 : -30) * (1 + 0.1 * Math.sin(t)))
    expect(boxCoxLambda(additive, 1)).toBeGreaterThan(0.85)
  })
})

describe('withBoxCox', () => {
  it('fits on the Box–Cox scale and forecasts the back-transformed (median) level', () => {
    // 10, 20, 10, 20, …: SES on the transformed scale settles near the mean of the transformed
    // values (α is small), which transforms back to the power mean ((10^λ + 20^λ)/2)^(1/λ) < 15.
    const y = Array.from({ length: 40 }, (_, t) => (t % 2 === 0 ? 10 : 20))
    const fit = withBoxCox({ y, period: 1, horizon: 2 }, fitSesPlain)
    const lambda = fit.params.lambda ?? Number.NaN
    expect(lambda).toBeGreaterThanOrEqual(0)
    expect(lambda).toBeLessThanOrEqual(1)
    const powerMean = lambda === 0 ? Math.sqrt(200) : ((10 ** lambda + 20 ** lambda) / 2) ** (1 / lambda)
    expect(powerMean).toBeLessThan(15)
    expect(Math.abs((fit.forecast[0] ?? 0) - powerMean)).toBeLessThan(0.5)
    // Residuals are on the original scale: actual − back-transformed one-step forecast (≈ ±5).
    expect(fit.residuals).toHaveLength(39)
    expect(Math.abs(fit.residuals[38] ?? 0)).toBeGreaterThan(4)
  })

  it('leaves non-positive values out and says so', () => {
    const y = [10, 12, -5, 11, 0, 13, 12, 11]
    const fit = withBoxCox({ y, period: 1, horizon: 1 }, fitSesPlain)
    expect(fit.notes.join(' ')).toMatch(/2 non-positive values left out/)
    expect(fit.forecast[0]).toBeGreaterThan(10)
    expect(fit.forecast[0]).toBeLessThan(13)
  })
})
