import { describe, expect, it } from 'vitest'
import { recentSpreadRatio } from './recent-spread.js'

describe('recentSpreadRatio', () => {
  const runs = [
    { origin: 0, errors: [2, -2, 2, -2] },
    { origin: 4, errors: [1, -1, 1] },
  ]

  it('divides the mean |error| of the last `window` points by that of the pool', () => {
    // times 4, 5, 6 fall in [7 − 3, 7): errors 1, −1, 1 → 1; the pool averages 2 → 0.5
    expect(recentSpreadRatio(runs, 7, 3, [2, -2, 2, -2], 1)).toBeCloseTo(0.5, 12)
    // window 5: times 2…6 → 2, −2, 1, −1, 1 → 7/5; pool 2, −2, 2, −2, 1, −1, 1 → 11/7
    expect(recentSpreadRatio(runs, 7, 5, [2, -2, 2, -2, 1, -1, 1], 1)).toBeCloseTo(7 / 5 / (11 / 7), 12)
  })

  it('uses only errors observed before `at`, and is 1 with too few of them', () => {
    // at 5, window 2: times 3 (−2) and 4 (1) are known; times 5 and 6 are not yet → 1.5 / 2
    expect(recentSpreadRatio(runs, 5, 2, [2, -2], 1)).toBeCloseTo(0.75, 12)
    expect(recentSpreadRatio(runs, 5, 2, [2, -2])).toBe(1)
    expect(recentSpreadRatio(runs, 7, 3, [0, 0], 1)).toBe(1)
  })
})
