import { describe, expect, it } from 'vitest'
import { controlIndexes, meanDifference, proportionDifference, wilsonInterval } from './outcome-stats.js'

describe('outcome statistics', () => {
  it('Wilson interval matches the published example (Newcombe 1998, 81/263)', () => {
    const { lower, upper } = wilsonInterval(81, 263)
    expect(lower).toBeCloseTo(0.2553, 4)
    expect(upper).toBeCloseTo(0.3662, 4)
  })

  it("Newcombe's hybrid score interval reproduces his worked examples", () => {
    // Newcombe (1998), Table II: 56/70 − 48/80 → 0.2000, interval 0.0524 to 0.3339.
    const a = proportionDifference(56, 70, 48, 80)
    expect(a.estimate).toBeCloseTo(0.2, 6)
    expect(a.lower95).toBeCloseTo(0.0524, 3)
    expect(a.upper95).toBeCloseTo(0.3339, 3)
    // 9/10 − 3/10 → 0.6000, interval 0.1705 to 0.8090.
    const b = proportionDifference(9, 10, 3, 10)
    expect(b.lower95).toBeCloseTo(0.1705, 3)
    expect(b.upper95).toBeCloseTo(0.809, 3)
  })

  it('Welch difference of means: hand-checked, and null for tiny groups', () => {
    // Means 3 and 1; variances 2.5 and 2.5; se = sqrt(2.5/5 + 2.5/5) = 1.
    const d = meanDifference([1, 2, 3, 4, 5], [-1, 0, 1, 2, 3])
    expect(d?.estimate).toBe(2)
    expect(d?.lower95).toBeCloseTo(2 - 1.96, 2)
    expect(d?.upper95).toBeCloseTo(2 + 1.96, 2)
    expect(meanDifference([1], [1, 2])).toBeNull()
  })

  it('holds out the requested share at random, none below 10 targets', () => {
    let seed = 1
    const random = () => {
      seed = (seed * 16807) % 2147483647
      return (seed - 1) / 2147483646
    }
    const control = controlIndexes(200, 0.1, random)
    expect(control.size).toBe(20)
    expect([...control].every((index) => index >= 0 && index < 200)).toBe(true)
    expect(controlIndexes(9, 0.1).size).toBe(0)
    expect(controlIndexes(10, 0.1).size).toBe(1)
  })
})
