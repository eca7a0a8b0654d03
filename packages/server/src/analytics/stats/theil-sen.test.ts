import { describe, expect, it } from 'vitest'
import { THEIL_SEN_MAX_POINTS, theilSen } from './theil-sen.js'

/** Ordinary least squares slope, to show what the outliers would do to a non-robust fit. */
function olsSlope(y: readonly number[], x: readonly number[]): number {
  const n = y.length
  const mx = x.reduce((a, b) => a + b, 0) / n
  const my = y.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx
    sxy += dx * ((y[i] ?? 0) - my)
    sxx += dx * dx
  }
  return sxy / sxx
}

describe('theilSen', () => {
  it('recovers an exact line, with x defaulting to 0…n−1', () => {
    expect(theilSen([1, 3, 5, 7, 9])).toEqual({ slope: 2, intercept: 1 })
    expect(theilSen([10, 7, 4, 1], [2, 3, 4, 5])).toEqual({ slope: -3, intercept: 16 })
  })

  it('is unaffected by an outlier that drags least squares far off', () => {
    const x = Array.from({ length: 20 }, (_, i) => i)
    const y = x.map((v) => 3 + 0.5 * v)
    y[17] = 500
    // 171 of the 190 pairwise slopes are exactly 0.5, so the median is too.
    expect(theilSen(y, x)).toEqual({ slope: 0.5, intercept: 3 })
    expect(olsSlope(y, x)).toBeGreaterThan(5)
  })

  it('matches the published estimator on noisy data with an outlier', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.3, 13.8, 16.2, 50, 20.1]
    // Reference slope: scipy.stats.theilslopes(y, x).slope; intercept = median(y − slope·x).
    const fit = theilSen(y, x)
    expect(fit.slope).toBeCloseTo(2.033333333333333, 12)
    expect(fit.intercept).toBeCloseTo(-0.06666666666666643, 12)
    expect(olsSlope(y, x)).toBeCloseTo(3.3630303, 6)
  })

  it('skips pairs with equal x instead of dividing by zero', () => {
    const fit = theilSen([1, 2, 3, 5], [0, 0, 1, 2])
    // Slopes from pairs with distinct x: (0,2)=2, (0,3)=2, (1,2)=1, (1,3)=1.5, (2,3)=2 → median 2
    // Residuals y − 2x: 1, 2, 1, 1 → median 1
    expect(fit).toEqual({ slope: 2, intercept: 1 })
  })

  it('returns NaN when no slope can be formed', () => {
    expect(theilSen([])).toEqual({ slope: Number.NaN, intercept: Number.NaN })
    expect(theilSen([4])).toEqual({ slope: Number.NaN, intercept: Number.NaN })
    expect(theilSen([1, 2, 3], [5, 5, 5])).toEqual({ slope: Number.NaN, intercept: Number.NaN })
  })

  it('rejects x and y of different lengths', () => {
    expect(() => theilSen([1, 2, 3], [1, 2])).toThrow(RangeError)
  })

  it('samples pairs deterministically above the size limit and stays accurate', () => {
    const n = THEIL_SEN_MAX_POINTS + 2000
    // Deterministic pseudo-noise in [−5, 5] plus 10% gross outliers.
    const y = Array.from({ length: n }, (_, i) => {
      const noise = ((i * 7919) % 101) / 10 - 5
      return i % 10 === 3 ? 1e6 : 40 + 0.25 * i + noise
    })
    const first = theilSen(y)
    expect(first.slope).toBeCloseTo(0.25, 3)
    expect(first.intercept).toBeGreaterThan(38)
    expect(first.intercept).toBeLessThan(42)
    expect(theilSen(y)).toEqual(first)
  })

  it('still fits an exact line exactly when sampling', () => {
    const n = THEIL_SEN_MAX_POINTS * 2
    const y = Array.from({ length: n }, (_, i) => 7 - 3 * i)
    expect(theilSen(y)).toEqual({ slope: -3, intercept: 7 })
  })
})
