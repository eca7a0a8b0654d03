import { describe, expect, it } from 'vitest'
import type { ModelFit, ModelInput } from './model-input.js'
import { seasonalNaive } from './seasonal-naive.js'
import { aggregateSeries, reconcileTemporal, temporalHierarchy, temporalLevels } from './temporal-hierarchy.js'

/** The naive forecast (the last value) with its one-step residuals: a base model simple enough to check by hand. */
function naive(input: ModelInput): ModelFit {
  const { y } = input
  return {
    model: 'ses',
    forecast: new Array<number>(input.horizon).fill(y[y.length - 1] ?? 0),
    residuals: y.slice(1).map((v, t) => v - (y[t] ?? 0)),
    params: {},
    notes: [],
  }
}

describe('temporal hierarchy', () => {
  it('aggregates over every divisor of the season, blocks ending at the last value', () => {
    expect(temporalLevels(6)).toEqual([1, 2, 3, 6])
    expect(temporalLevels(7)).toEqual([1, 7])
    expect(temporalLevels(1)).toEqual([1])
    // 1 … 7 in blocks of 3 from the end: the leading 1 is dropped.
    expect(aggregateSeries({ y: [1, 2, 3, 4, 5, 6, 7], period: 1, horizon: 1 }, 3)).toEqual({ y: [9, 18], observed: [true, true] })
    const missing = aggregateSeries({ y: [1, 2, 3, 4], observed: [true, false, true, true], period: 1, horizon: 1 }, 2)
    expect(missing.observed).toEqual([false, true])
  })

  it('reconciles by weighted least squares and leaves coherent forecasts alone', () => {
    // Days 1 and 1, the two-day total 4, structural weights 1 and ½: minimise
    // 2(1 − b)² + ½(4 − 2b)² → 8b − 12 = 0, b = 1.5 (the total becomes 3).
    expect(reconcileTemporal([1, 2], [[1, 1], [4]], [1, 0.5])).toEqual([1.5, 1.5])
    const coherent = reconcileTemporal([1, 2, 3, 6], [[1, 2, 3, 4, 5, 6], [3, 7, 11], [6, 15], [21]], [1, 0.5, 1 / 3, 1 / 6])
    coherent.forEach((v, i) => {
      expect(v).toBeCloseTo(i + 1, 10)
    })
  })

  it('mixes the daily and the aggregated forecasts by structural or variance scaling', () => {
    // y = 1 … 8, season 2: daily naive 8, 8; two-day totals 3, 7, 11, 15 → naive 15.
    const input = { y: [1, 2, 3, 4, 5, 6, 7, 8], period: 2, horizon: 2 }
    // Structural (weights 1, ½): 2(8 − b)² + ½(15 − 2b)² → 8b − 62 = 0, b = 7.75.
    temporalHierarchy(input, naive, 'structural').forecast.forEach((v) => {
      expect(v).toBeCloseTo(7.75, 10)
    })
    // Variance (one-step variances 1 and 16): 2(8 − b)² + (15 − 2b)²/16 → 4.5b − 35.75 = 0.
    temporalHierarchy(input, naive, 'variance').forecast.forEach((v) => {
      expect(v).toBeCloseTo(35.75 / 4.5, 10)
    })
  })

  it('returns the daily forecast when every level agrees, and the base model without a season', () => {
    const y = Array.from({ length: 30 }, (_, t) => (t % 6) + 1)
    expect(temporalHierarchy({ y, period: 6, horizon: 8 }, seasonalNaive).forecast.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, 2, 3, 4, 5, 6, 1, 2])
    expect(temporalHierarchy({ y: [1, 2, 3], period: 1, horizon: 1 }, naive).forecast).toEqual([3])
  })
})
