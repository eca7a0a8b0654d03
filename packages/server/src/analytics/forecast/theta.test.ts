import { describe, expect, it } from 'vitest'
import { ordinarySlope, theta, thetaForecast } from './theta.js'

describe('Theta', () => {
  it('is SES plus half the regression slope as drift (Hyndman & Billah)', () => {
    // y = 1..5, α = 0.5: ℓ = 1 → 1.5 → 2.25 → 3.125 → 4.0625, b₀ = 1
    // h=1: 4.0625 + ½·(0 + 2 − 0.5⁵/0.5) = 4.0625 + 0.96875 = 5.03125; each further step adds b₀/2
    const { forecast, slope } = thetaForecast({ y: [1, 2, 3, 4, 5], period: 1, horizon: 3 }, 0.5)
    expect(slope).toBe(1)
    expect(forecast[0]).toBeCloseTo(5.03125, 12)
    expect(forecast[1]).toBeCloseTo(5.53125, 12)
    expect(forecast[2]).toBeCloseTo(6.03125, 12)
  })

  it('computes the least-squares slope over the observed points', () => {
    expect(ordinarySlope({ y: [2, 4, 6, 8], period: 1, horizon: 1 })).toBeCloseTo(2, 12)
    expect(ordinarySlope({ y: [2, 100, 6, 8], observed: [true, false, true, true], period: 1, horizon: 1 })).toBeCloseTo(2, 12)
  })

  it('extends a straight line at half its slope per step once α → 1', () => {
    const y = Array.from({ length: 20 }, (_, t) => 3 + 2 * t)
    const fit = theta({ y, period: 1, horizon: 2 })
    // ℓₙ = 41, drift 1: 41 + (h − 1 + 1/α) ≈ 42, 43
    expect(fit.forecast[0]).toBeCloseTo(42, 2)
    expect(fit.forecast[1]).toBeCloseTo(43, 2)
  })
})
