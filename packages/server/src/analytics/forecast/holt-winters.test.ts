import { describe, expect, it } from 'vitest'
import { holtWintersForecast, holtWintersInitialState, holtWintersRecursion, holtWintersMultiplicative } from './holt-winters.js'

const input = { y: [10, 20, 12, 22], period: 2, horizon: 1 }
const params = { alpha: 0.5, beta: 0.5, gamma: 0.5, phi: 0.9 }

describe('Holt–Winters initial state', () => {
  it('takes level, trend and season from the first two seasons', () => {
    // season means 15 and 17: ℓ = 15, b = (17 − 15) / 2 = 1; s = (10−15 + 12−17)/2, (20−15 + 22−17)/2
    expect(holtWintersInitialState(input, 'additive')).toEqual({ level: 15, trend: 1, season: [-5, 5] })
    const multiplicative = holtWintersInitialState(input, 'multiplicative')
    expect(multiplicative.season[0]).toBeCloseTo((10 / 15 + 12 / 17) / 2, 12)
    expect(multiplicative.season[1]).toBeCloseTo((20 / 15 + 22 / 17) / 2, 12)
  })
})

describe('Holt–Winters additive recursion', () => {
  it('matches the recursion worked by hand', () => {
    // t=2: ŷ = 15 + 0.9 − 5 = 10.9, e = 1.1; ℓ = ½(12 + 5) + ½·15.9 = 16.45;
    //      s₀ = ½(12 − 15.9) + ½(−5) = −4.45; b = ½(16.45 − 15) + ½·0.9 = 1.175
    // t=3: base = 16.45 + 1.0575 = 17.5075, ŷ = 22.5075, e = −0.5075; ℓ = 8.5 + 8.75375 = 17.25375;
    //      s₁ = ½(22 − 17.5075) + 2.5 = 4.74625; b = ½(0.80375) + ½·0.9·1.175 = 0.930625
    const state = holtWintersRecursion(input, 'additive', params)
    expect(state.residuals[0]).toBeCloseTo(1.1, 12)
    expect(state.residuals[1]).toBeCloseTo(-0.5075, 12)
    expect(state.level).toBeCloseTo(17.25375, 12)
    expect(state.trend).toBeCloseTo(0.930625, 12)
    expect(state.season[0]).toBeCloseTo(-4.45, 12)
    expect(state.season[1]).toBeCloseTo(4.74625, 12)
    // next point is phase 0: ℓ + φb + s₀
    expect(holtWintersForecast(state, 'additive', 0.9, 4, 1)[0]).toBeCloseTo(17.25375 + 0.8375625 - 4.45, 12)
  })
})

describe('Holt–Winters multiplicative recursion', () => {
  it('matches the recursion worked by hand', () => {
    // t=2: s₀ = 0.686275, ŷ = 15.9·s₀ = 10.911765, e = 1.088235
    const state = holtWintersRecursion(input, 'multiplicative', params)
    expect(state.residuals[0]).toBeCloseTo(12 - 15.9 * ((10 / 15 + 12 / 17) / 2), 12)
    expect(state.residuals[1]).toBeCloseTo(-1.4626680672268932, 10)
    expect(state.level).toBeCloseTo(17.302955756929638, 10)
    expect(state.trend).toBeCloseTo(0.8884421641791046, 10)
    expect(holtWintersForecast(state, 'multiplicative', 0.9, 4, 1)[0]).toBeCloseTo(13.0428129263357, 10)
  })

  it('fits values with zeros on an offset and says so', () => {
    const y = [0, 10, 20, 0, 11, 21, 0, 12, 22, 0, 13, 23]
    const fit = holtWintersMultiplicative({ y, period: 3, horizon: 3 })
    expect(fit.params.offset).toBeGreaterThan(0)
    expect(fit.notes.join(' ')).toMatch(/fitted to the values \+/)
    expect(fit.forecast.every(Number.isFinite)).toBe(true)
    // the zero phase stays near zero and the ordering of the season is kept
    expect(Math.abs(fit.forecast[0] ?? Number.NaN)).toBeLessThan(3)
    expect(fit.forecast[2] ?? 0).toBeGreaterThan(fit.forecast[1] ?? 0)
  })
})
