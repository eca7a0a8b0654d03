import { describe, expect, it } from 'vitest'
import { fitAutoregression, fitAutoregressionPlain, selectAutoregression, solveLinear } from './autoregression.js'

describe('autoregression', () => {
  it('solves small linear systems', () => {
    // 2x + y = 5, x + 3y = 10 → x = 1, y = 3
    const x = solveLinear(
      [
        [2, 1],
        [1, 3],
      ],
      [5, 10],
    )
    expect(x?.[0]).toBeCloseTo(1, 12)
    expect(x?.[1]).toBeCloseTo(3, 12)
    expect(solveLinear([[0]], [1])).toBeUndefined()
  })

  it('recovers an AR(1) by least squares', () => {
    // zₜ = 2 + 0.5 zₜ₋₁ from z₀ = 10: 10, 7, 5.5, 4.75, …, one point nudged so σ̂² > 0
    const z = [10]
    for (let t = 1; t < 8; t++) z.push(2 + 0.5 * (z[t - 1] ?? 0))
    const noisy = z.map((v, t) => v + (t === 4 ? 0.01 : 0))
    const rough = fitAutoregression(noisy, [1, 2, 3, 4, 5, 6, 7], 1)
    expect(rough?.coefficients[0]).toBeCloseTo(0.5, 1)
    expect(rough?.intercept).toBeCloseTo(2, 0)
  })

  it('hand-checked AR(0): the mean, σ̂² the mean squared deviation, AICc with q = 2', () => {
    // rows 1…4 of z = [0, 1, 3, 1, 3]: mean 2, deviations ±1, σ̂² = 1, k = 4
    // AICc = 4·ln 1 + 2·2 + 2·2·3/(4 − 2 − 1) = 16
    const fit = fitAutoregression([0, 1, 3, 1, 3], [1, 2, 3, 4], 0)
    expect(fit?.intercept).toBeCloseTo(2, 12)
    expect(fit?.variance).toBeCloseTo(1, 12)
    expect(fit?.aicc).toBeCloseTo(16, 12)
  })

  it('picks an alternating series as AR(1) with φ ≈ −1 over white noise, and forecasts it', () => {
    const y = Array.from({ length: 40 }, (_, t) => (t % 2 === 0 ? 10 : 20) + 0.1 * Math.sin(3 * t))
    const best = selectAutoregression({ y, period: 1, horizon: 1 }, 4)
    expect(best?.coefficients.length).toBeGreaterThanOrEqual(1)
    const fit = fitAutoregressionPlain({ y, period: 1, horizon: 2 })
    // last value (t = 39) is ≈ 20, so the next ≈ 10 and then ≈ 20
    expect(fit.forecast[0]).toBeCloseTo(10, 0)
    expect(fit.forecast[1]).toBeCloseTo(20, 0)
    expect(fit.residuals).toHaveLength(39)
  })
})
