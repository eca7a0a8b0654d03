import { describe, expect, it } from 'vitest'
import { seasonalMean } from './seasonal-mean.js'

describe('seasonalMean', () => {
  it('averages the last seasons at each phase, skipping missing values', () => {
    // period 2: phase 0 = 1, 3, 5 (the 5 missing), phase 1 = 10, 20, 30
    const fit = seasonalMean({ y: [1, 10, 3, 20, 5, 30], observed: [true, true, true, true, false, true], period: 2, horizon: 3 }, 2)
    // phase 0: last two observed 1, 3 → 2; phase 1: 20, 30 → 25; then phase 0 again
    expect(fit.forecast).toEqual([2, 25, 2])
    // one-step errors: 3 − 1, 20 − 10, 30 − 15 (the missing 5 is skipped)
    expect(fit.residuals).toEqual([2, 10, 15])
    expect(fit.model).toBe('seasonal_mean')
  })

  it('falls back to the mean of every observed value for a phase without history', () => {
    // phase 2 has no value yet → mean 6; phases 0 and 1 have one each
    expect(seasonalMean({ y: [4, 8], period: 3, horizon: 3 }).forecast).toEqual([6, 4, 8])
  })
})
