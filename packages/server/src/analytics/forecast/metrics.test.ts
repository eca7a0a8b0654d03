import { describe, expect, it } from 'vitest'
import { empiricalIntervals, quantile } from './intervals.js'
import { accuracy, seasonalNaiveScale } from './metrics.js'

describe('accuracy metrics', () => {
  it('scales MASE by the in-sample seasonal-naive error', () => {
    // |3−1| + |2−3| + |5−2| over 3 lag-1 pairs = 2; lag 2: |2−1| + |5−3| over 2 = 1.5
    expect(seasonalNaiveScale([1, 3, 2, 5], 1)).toBe(2)
    expect(seasonalNaiveScale([1, 3, 2, 5], 2)).toBe(1.5)
  })

  it('computes MASE, sMAPE over non-zero actuals and coverage on open days', () => {
    const summary = accuracy([
      { actual: 10, forecast: 8, scale: 2, lower80: 9, upper80: 11, lower95: 7, upper95: 13 },
      { actual: 0, forecast: 1, scale: 2, lower80: 0, upper80: 2, lower95: 0, upper95: 3 },
      { actual: 5, forecast: 5, scale: 2, lower80: 6, upper80: 7, lower95: 6, upper95: 8 },
      { actual: 0, forecast: 0, scale: 2, lower80: 0, upper80: 0, lower95: 0, upper95: 0, closed: true },
    ])
    // MASE = (2 + 1 + 0 + 0) / 4 / 2
    expect(summary.mase).toBe(0.375)
    // sMAPE: 2·2/18 and 0, over the two non-zero actuals
    expect(summary.smape).toBeCloseTo(2 / 18, 12)
    // closed day left out: 80% covers 10 and 0 of {10, 0, 5}; 95% covers 10 and 0
    expect(summary.coverage80).toBeCloseTo(2 / 3, 12)
    expect(summary.coverage95).toBeCloseTo(2 / 3, 12)
    // interval score80 over open days, ÷ scale 2: width 2, width 2, width 1 + 10 × (6 − 5) = 11
    expect(summary.intervalScore80).toBeCloseTo((2 + 2 + 11) / 3 / 2, 12)
    expect(summary.points).toBe(4)
  })
})

describe('intervals', () => {
  it('interpolates quantiles between order statistics', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantile([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12)
    expect(quantile([], 0.5)).toBeNaN()
  })

  it('adds the step-wise error quantiles, scaled by the level, to the forecast', () => {
    const errors = Array.from({ length: 21 }, (_, i) => (i - 10) / 100) // −0.10 … 0.10
    const [bounds] = empiricalIntervals([100], [errors], 50)
    // 10% quantile of −0.10…0.10 (21 values) = −0.08, 90% = 0.08; × level 50 = ±4
    expect(bounds?.lower80).toBeCloseTo(96, 10)
    expect(bounds?.upper80).toBeCloseTo(104, 10)
    expect(bounds?.lower95).toBeCloseTo(100 - 0.095 * 50, 10)
  })

  it('takes one level per step when given a list', () => {
    const errors = Array.from({ length: 21 }, (_, i) => (i - 10) / 100)
    const bounds = empiricalIntervals([100, 10], [errors, errors], [50, 5])
    // ±0.08 × 50 and ±0.08 × 5
    expect(bounds[0]?.upper80).toBeCloseTo(104, 10)
    expect(bounds[1]?.lower80).toBeCloseTo(9.6, 10)
  })

  it('pools steps with too few errors, widening by √step', () => {
    const few = [-1, 1]
    const bounds = empiricalIntervals([0, 0], [few, few.map((e) => e * Math.SQRT2)], 1)
    // pooled errors (each ÷ √step) are −1, −1, 1, 1: the step-2 bounds are √2 × the step-1 bounds
    expect(bounds[1]?.upper80).toBeCloseTo(Math.SQRT2 * (bounds[0]?.upper80 ?? 0), 12)
  })
})
