import { describe, expect, it } from 'vitest'
import { seasonalHorizon, seasonalIndex } from './seasonal-index.js'

describe('seasonalIndex', () => {
  it('divides the per-day rates of the two windows, counting days without transactions', () => {
    // Season days 10–12: 9 + 0 (missing) + 6 = 15 over 3 days; baseline days 0–4: 2 each = 10 over 5 days.
    const daily = new Map([
      [0, 2],
      [1, 2],
      [2, 2],
      [3, 2],
      [4, 2],
      [10, 9],
      [12, 6],
    ])
    expect(seasonalIndex(daily, { season: { first: 10, last: 12 }, baseline: { first: 0, last: 4 } })).toEqual({
      seasonRate: 5,
      baselineRate: 2,
      index: 2.5,
    })
  })
})

describe('seasonalHorizon', () => {
  it('integrates a linear ramp from 1 to the index, then the index', () => {
    expect(seasonalHorizon(100, 1.8, 96)).toBeCloseTo(96 * 1.4 + 4 * 1.8, 12)
    // Peak at the end: mean rate (1 + index) / 2.
    expect(seasonalHorizon(100, 2)).toBeCloseTo(150, 12)
    // Peak beyond the horizon: the ramp is cut at the horizon, ∫₀¹⁰ (1 + u / 20) du = 12.5.
    expect(seasonalHorizon(10, 2, 20)).toBeCloseTo(12.5, 12)
  })

  it('is the plain horizon for index 1, index × horizon for an immediate peak, and 0 for no horizon', () => {
    expect(seasonalHorizon(100, 1, 30)).toBeCloseTo(100, 12)
    expect(seasonalHorizon(100, 1.5, 0)).toBe(150)
    expect(seasonalHorizon(0, 1.5, 10)).toBe(0)
  })
})
