import { describe, expect, it } from 'vitest'
import { seasonalNaiveDrift } from './seasonal-naive-drift.js'

describe('seasonalNaiveDrift', () => {
  it('repeats the last season plus the mean change per season', () => {
    // 1 … 12, season 3: every phase rises by 3 a season, d = 3; the last values 10, 11, 12 are
    // one season before t = 12, 13, 14 and two before t = 15: 13, 14, 15, 16 — the line itself.
    const fit = seasonalNaiveDrift({ y: Array.from({ length: 12 }, (_, t) => t + 1), period: 3, horizon: 4 })
    expect(fit.forecast).toEqual([13, 14, 15, 16])
    expect(fit.params.drift).toBe(3)
    expect(fit.residuals).toEqual(new Array(9).fill(0))
  })

  it('spreads a change over the seasons a missing value spans', () => {
    // Phase 0: 10 at t = 0, missing at t = 2, 14 at t = 4 (two seasons: +4); phase 1: 5 → 5 → 5.
    // d = (4 + 0 + 0) / (2 + 1 + 1) = 1.
    const fit = seasonalNaiveDrift({ y: [10, 5, 0, 5, 14, 5], observed: [true, true, false, true, true, true], period: 2, horizon: 2 })
    expect(fit.params.drift).toBe(1)
    expect(fit.forecast).toEqual([15, 6])
  })
})
