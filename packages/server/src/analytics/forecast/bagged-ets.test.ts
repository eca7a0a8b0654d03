import { describe, expect, it } from 'vitest'
import { baggedEts, fitSmoothingByAicc } from './bagged-ets.js'
import { seededUniform } from '../stats/seeded-uniform.js'

describe('fitSmoothingByAicc', () => {
  it('takes SES for a level with noise and the damped trend for a clean trend', () => {
    const random = seededUniform(11)
    const flat = Array.from({ length: 80 }, () => 100 + 10 * (random() - 0.5))
    expect(fitSmoothingByAicc({ y: flat, period: 1, horizon: 1 }).form).toBe('ses')
    const trend = Array.from({ length: 80 }, (_, t) => 100 + 3 * t + (random() - 0.5))
    expect(fitSmoothingByAicc({ y: trend, period: 1, horizon: 1 }).form).toBe('damped_trend')
  })
})

describe('baggedEts', () => {
  it('forecasts a level with a fixed weekly profile exactly, however the remainder is resampled', () => {
    // The remainder is 0, so every bootstrapped series is the series itself.
    const profile = [120, 80, 100]
    const y = Array.from({ length: 30 }, (_, t) => profile[t % 3] ?? 0)
    const fit = baggedEts({ y, period: 3, horizon: 4 }, { replicates: 5 })
    // The next points are at phases 0, 1, 2, 0.
    fit.forecast.forEach((v, h) => {
      expect(v).toBeCloseTo(profile[h % 3] ?? 0, 6)
    })
    expect(fit.model).toBe('bagged_ets')
    expect(fit.residuals).toHaveLength(29)
  })

  it('is deterministic for a seed, and averages forecasts that differ by replicate', () => {
    const random = seededUniform(5)
    const y = Array.from({ length: 84 }, (_, t) => (100 + t) * (t % 7 === 0 ? 0.6 : 1.1) * (1 + 0.3 * (random() - 0.5)))
    const input = { y, period: 7, horizon: 7 }
    const a = baggedEts(input, { replicates: 10 })
    expect(baggedEts(input, { replicates: 10 }).forecast).toEqual(a.forecast)
    const other = baggedEts(input, { replicates: 10, seed: 2 })
    expect(other.forecast).not.toEqual(a.forecast)
    // Near the recent level (≈ 180 × profile), the quiet phase well below the others.
    for (const [h, v] of a.forecast.entries()) {
      if ((84 + h) % 7 === 0) expect(v).toBeLessThan(150)
      else expect(Math.abs(v - 200) / 200).toBeLessThan(0.2)
    }
    const median = baggedEts(input, { replicates: 10, aggregate: 'median' })
    median.forecast.forEach((v, h) => {
      expect(Math.abs(v - (a.forecast[h] ?? 0)) / v).toBeLessThan(0.05)
    })
    expect(a.notes.join(' ')).toMatch(/10 series .*blocks of 14.*Box–Cox/)
  })

  it('bags on the raw scale when most values are not positive', () => {
    const y = [-5, -3, 2, -4, -6, 1, -2, -5, -3, -1, -4, -2]
    const fit = baggedEts({ y, period: 1, horizon: 2 }, { replicates: 4 })
    expect(fit.notes.join(' ')).toMatch(/raw scale/)
    for (const v of fit.forecast) expect(v).toBeLessThan(2)
  })
})
