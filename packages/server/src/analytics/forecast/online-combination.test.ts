import { describe, expect, it } from 'vitest'
import { onlineCombination } from './online-combination.js'

describe('onlineCombination', () => {
  it('averages every candidate before anything is observed, then the best k so far', () => {
    // actuals 10; candidates always forecast 12, 9 and 20: after origin 0 is observed their errors
    // are 2, 1 and 10, so the best two are 9 and 12 → 10.5
    const out = onlineCombination(
      [10, 10, 10],
      { origins: [0, 1, 2], forecasts: [[[12], [12], [12]], [[9], [9], [9]], [[20], [20], [20]]], closed: [[], [], []], scales: [1, 1, 1] },
      2,
    )
    expect(out[0]?.[0]).toBeCloseTo(41 / 3, 12)
    expect(out[1]).toEqual([10.5])
    expect(out[2]).toEqual([10.5])
  })

  it('ranks only on points already observed at the origin, scaled, and skips closures', () => {
    // At origin 1 only time 0 is known: A is exact there, B misses by 40 → A. Counting time 1
    // (A misses by 100) would have picked B.
    const candidates = { origins: [0, 1], forecasts: [[[10, 100], [10, 10]], [[50, 0], [20, 20]]], closed: [[], []], scales: [2, 2] }
    expect(onlineCombination([10, 0], candidates, 1)[1]).toEqual([10, 10])
    // With time 0 closed nothing has been observed yet: the mean of both.
    expect(onlineCombination([10, 0], { ...candidates, closed: [[true], []] }, 1)[1]).toEqual([15, 15])
  })

  it('with groups, averages the best candidate of each group', () => {
    // errors after origin 0: A 2, B 1 (group s), C 10 (group m) → B and C, not A and B
    const out = onlineCombination(
      [10, 10],
      { origins: [0, 1], forecasts: [[[12], [12]], [[9], [9]], [[20], [20]]], closed: [[], []], scales: [1, 1] },
      2,
      ['s', 's', 'm'],
    )
    expect(out[1]).toEqual([14.5])
  })
})
