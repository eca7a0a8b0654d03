import { describe, expect, it } from 'vitest'
import { loess, stlPeriodic } from './stl-periodic.js'

describe('loess', () => {
  it('reproduces a straight line (degree 1), also at the ends', () => {
    const line = Array.from({ length: 12 }, (_, t) => 3 + 2 * t)
    loess(line, 5).forEach((v, t) => {
      expect(v).toBeCloseTo(3 + 2 * t, 10)
    })
  })

  it('weights the neighbours by the tricube of their distance', () => {
    // q = 5 at t = 2 of 0, 0, 3, 0, 0: reach 2, the neighbours at distance 1 weigh (1 − 0.5³)³ =
    // 0.669921875, those at distance 2 weigh ≈ 0; symmetric, so the value is 3 / (1 + 2 × 0.6699…).
    expect(loess([0, 0, 3, 0, 0], 5)[2]).toBeCloseTo(3 / (1 + 2 * 0.669921875), 5)
  })
})

describe('stlPeriodic', () => {
  it('splits a level plus a fixed weekly profile exactly', () => {
    const profile = [2, -1, -1]
    const values = Array.from({ length: 30 }, (_, t) => 10 + (profile[t % 3] ?? 0))
    const { indices, trend, remainder, seasonal } = stlPeriodic(values, 3)
    indices.forEach((v, p) => {
      expect(v).toBeCloseTo(profile[p] ?? 0, 10)
    })
    for (const v of trend) expect(v).toBeCloseTo(10, 10)
    for (const v of remainder) expect(v).toBeCloseTo(0, 10)
    expect(seasonal[4]).toBeCloseTo(-1, 10)
  })

  it('adds up to the series, seasonal offsets centred on 0', () => {
    const values = Array.from({ length: 40 }, (_, t) => 50 + t + 8 * Math.sin((2 * Math.PI * t) / 4) + ((t * 7) % 5))
    const { indices, seasonal, trend, remainder } = stlPeriodic(values, 4)
    expect(indices.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 10)
    values.forEach((v, t) => {
      expect((seasonal[t] ?? 0) + (trend[t] ?? 0) + (remainder[t] ?? 0)).toBeCloseTo(v, 10)
    })
  })

  it('without a season the trend is a loess over 6 points', () => {
    const values = [1, 5, 2, 8, 3, 9, 4, 7]
    const { seasonal, trend } = stlPeriodic(values, 1)
    expect(seasonal.every((v) => v === 0)).toBe(true)
    expect(trend).toEqual(loess(values, 6))
  })
})
