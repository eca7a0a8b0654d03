import { describe, expect, it } from 'vitest'
import { mannKendall } from './mann-kendall.js'

/** Every ordering of the items (duplicates included, so each is equally likely under the null). */
function permutations(items: readonly number[]): number[][] {
  if (items.length <= 1) return [[...items]]
  const out: number[][] = []
  items.forEach((item, i) => {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)]
    for (const tail of permutations(rest)) out.push([item, ...tail])
  })
  return out
}

/** Exact variance of S over all orderings: the null distribution, enumerated. */
function exactNullVarianceOfS(values: readonly number[]): number {
  const all = permutations(values)
  // E[S] = 0 under the null, so the variance is the mean of S².
  return all.reduce((acc, ordering) => acc + mannKendall(ordering).s ** 2, 0) / all.length
}

describe('mannKendall', () => {
  it('reproduces a hand-worked example with ties', () => {
    const y = [5, 7, 6, 7, 9, 8, 9, 11]
    // S by hand, one row per i (later values: + when larger, − when smaller, 0 when tied):
    // 5: +7 | 7: −1 0 +4 = +3 | 6: +5 | 7: +4 | 9: −1 0 +1 = 0 | 8: +2 | 9: +1  → S = 22
    // Ties: two 7s and two 9s → Σ t(t−1)(2t+5) = 2 × (2·1·9) = 36
    // Var(S) = (8·7·21 − 36) / 18 = 1140 / 18 = 63.333…
    // z = (22 − 1) / √63.333 = 2.63878; p = 2Φ(−2.63878) = 0.0083205; tau = 22 / 28
    const result = mannKendall(y)
    expect(result.s).toBe(22)
    expect(result.variance).toBeCloseTo(1140 / 18, 12)
    expect(result.z).toBeCloseTo(2.638779622237682, 10)
    expect(result.pValue).toBeCloseTo(0.008320505023884402, 9)
    expect(result.tau).toBeCloseTo(22 / 28, 15)
  })

  it('uses a variance formula that equals the exact null variance without ties', () => {
    const y = [3, 1, 4, 6, 5, 2]
    expect(mannKendall(y).variance).toBeCloseTo((6 * 5 * 17) / 18, 12)
    expect(mannKendall(y).variance).toBeCloseTo(exactNullVarianceOfS(y), 10)
  })

  it('uses a tie correction that equals the exact null variance with ties', () => {
    const y = [1, 3, 1, 2, 3, 3]
    // Ties: t = 2 (the 1s) and t = 3 (the 3s) → 2·1·9 + 3·2·11 = 84; (6·5·17 − 84) / 18 = 23.666…
    expect(mannKendall(y).variance).toBeCloseTo((510 - 84) / 18, 12)
    expect(mannKendall(y).variance).toBeCloseTo(exactNullVarianceOfS(y), 10)
  })

  it('finds a strong upward trend in a strictly increasing series', () => {
    const result = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(result.s).toBe(45)
    expect(result.tau).toBe(1)
    expect(result.variance).toBe(125)
    expect(result.z).toBeCloseTo(44 / Math.sqrt(125), 12)
    expect(result.pValue).toBeCloseTo(8.303070332644974e-5, 12) // 2Φ(−3.93548)
    expect(result.pValue).toBeLessThan(0.001)
  })

  it('is antisymmetric under reversing the series', () => {
    const y = [12, 14, 11, 15, 13, 17, 16, 19, 18, 21, 20]
    const forward = mannKendall(y)
    const backward = mannKendall([...y].reverse())
    expect(backward.s).toBe(-forward.s)
    expect(backward.z).toBeCloseTo(-forward.z, 12)
    expect(backward.pValue).toBeCloseTo(forward.pValue, 15)
    expect(backward.tau).toBeCloseTo(-forward.tau, 15)
  })

  it('sees no trend in a series without one', () => {
    const result = mannKendall([5, 9, 1, 7, 3, 8, 2, 6, 4])
    expect(Math.abs(result.z)).toBeLessThan(1)
    expect(result.pValue).toBeGreaterThan(0.3)
  })

  it('returns no trend for a constant series or fewer than 3 points', () => {
    expect(mannKendall([4, 4, 4, 4, 4])).toEqual({ s: 0, variance: 0, z: 0, pValue: 1, tau: 0 })
    expect(mannKendall([1, 2])).toMatchObject({ s: 0, z: 0, pValue: 1 })
    expect(mannKendall([])).toMatchObject({ s: 0, z: 0, pValue: 1 })
  })
})
