import { describe, expect, it } from 'vitest'
import { dampedTrendForecast, dampedTrendRecursion } from './damped-trend.js'
import { seasonalNaive } from './seasonal-naive.js'
import { fitSesAlpha, sesRecursion, simpleExponentialSmoothing } from './simple-exponential-smoothing.js'

describe('seasonalNaive', () => {
  it('repeats the last season and reports the lag-m residuals', () => {
    const fit = seasonalNaive({ y: [1, 2, 3, 4, 5, 6, 7], period: 3, horizon: 4 })
    // phases: t=4 → 5, t=5 → 6, t=6 → 7; the next points are at phases of t = 7, 8, 9, 10
    expect(fit.forecast).toEqual([5, 6, 7, 5])
    expect(fit.residuals).toEqual([3, 3, 3, 3])
  })

  it('skips a missing value back to the previous season', () => {
    const fit = seasonalNaive({ y: [10, 20, 11, 99], observed: [true, true, true, false], period: 2, horizon: 2 })
    expect(fit.forecast).toEqual([11, 20])
  })
})

describe('simple exponential smoothing', () => {
  it('follows ℓₜ = ℓₜ₋₁ + α(yₜ − ℓₜ₋₁) from the first value', () => {
    // α = 0.5, y = 10, 12, 8, 11: ℓ = 10 → 11 → 9.5 → 10.25; errors 2, −3, 1.5
    const state = sesRecursion({ y: [10, 12, 8, 11], period: 1, horizon: 1 }, 0.5)
    expect(state.level).toBe(10.25)
    expect(state.residuals).toEqual([2, -3, 1.5])
    expect(state.sse).toBe(4 + 9 + 2.25)
  })

  it('holds the level through a missing value', () => {
    const state = sesRecursion({ y: [10, 0, 12], observed: [true, false, true], period: 1, horizon: 1 }, 0.5)
    expect(state.level).toBe(11)
    expect(state.residuals).toEqual([2])
  })

  it('fits α near 1 for a random walk with steps and near 0 for noise around a constant', () => {
    expect(fitSesAlpha({ y: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], period: 1, horizon: 1 })).toBeGreaterThan(0.99)
    const noisy = [10, 12, 8, 10, 12, 8, 10, 12, 8, 10, 12, 8]
    expect(fitSesAlpha({ y: noisy, period: 1, horizon: 1 })).toBeLessThan(0.1)
  })

  it('gives a flat forecast at the last level on non-seasonal data', () => {
    const fit = simpleExponentialSmoothing({ y: [5, 5, 5, 5], period: 1, horizon: 3 })
    expect(fit.forecast).toEqual([5, 5, 5])
  })
})

describe('damped trend', () => {
  it('follows the error-correction recursion by hand', () => {
    // y = 1, 3, 4, 8 with period 1: ℓ₀ = 1, b₀ = (3 − 1) / 1 = 2 (means of two one-point blocks)
    // α = 0.5, β = 0.2, φ = 0.9
    // t=1: ŷ = 1 + 1.8 = 2.8, e = 0.2, ℓ = 2.9, b = 1.8 + 0.04 = 1.84
    // t=2: ŷ = 2.9 + 1.656 = 4.556, e = −0.556, ℓ = 4.278, b = 1.656 − 0.1112 = 1.5448
    // t=3: ŷ = 4.278 + 1.39032 = 5.66832, e = 2.33168, ℓ = 6.83416, b = 1.39032 + 0.466336 = 1.856656
    const state = dampedTrendRecursion({ y: [1, 3, 4, 8], period: 1, horizon: 2 }, { alpha: 0.5, beta: 0.2, phi: 0.9 })
    expect(state.residuals[0]).toBeCloseTo(0.2, 12)
    expect(state.residuals[1]).toBeCloseTo(-0.556, 12)
    expect(state.residuals[2]).toBeCloseTo(2.33168, 12)
    expect(state.level).toBeCloseTo(6.83416, 12)
    expect(state.trend).toBeCloseTo(1.856656, 12)
    // ℓ + φb, ℓ + (φ + φ²)b
    const forecast = dampedTrendForecast(state, 0.9, 2)
    expect(forecast[0]).toBeCloseTo(6.83416 + 0.9 * 1.856656, 12)
    expect(forecast[1]).toBeCloseTo(6.83416 + 1.71 * 1.856656, 12)
  })
})
