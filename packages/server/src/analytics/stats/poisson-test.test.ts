import { describe, expect, it } from 'vitest'
import { comparePoissonCounts } from './poisson-test.js'

/**
 * Independent reference: the exact two-sided binomial test with p = 1/2, straight from the
 * definition (sum the probabilities of every outcome no more likely than the observed one),
 * with exact BigInt binomial coefficients.
 */
function exactBinomialTwoSided(a: number, n: number): number {
  const coefficients: bigint[] = [1n]
  for (let k = 1; k <= n; k++) {
    const previous = coefficients[k - 1] ?? 0n
    coefficients.push((previous * BigInt(n - k + 1)) / BigInt(k))
  }
  const observed = coefficients[a] ?? 0n
  let atMostAsLikely = 0n
  for (const c of coefficients) if (c <= observed) atMostAsLikely += c
  return Number(atMostAsLikely) / 2 ** n
}

describe('comparePoissonCounts', () => {
  it('gives p = 1 for equal counts', () => {
    expect(comparePoissonCounts(10, 10)).toEqual({ pValue: 1, relativeChange: 0 })
    expect(comparePoissonCounts(0, 0)).toEqual({ pValue: 1, relativeChange: 0 })
    expect(comparePoissonCounts(500_000, 500_000).pValue).toBe(1)
  })

  it('gives p = 1 when the counts differ by one', () => {
    expect(comparePoissonCounts(4, 3).pValue).toBe(1)
    expect(comparePoissonCounts(100_000, 100_001).pValue).toBe(1)
  })

  it('matches the exact binomial test for 30 vs 10 (p ≈ 0.00222)', () => {
    const reference = exactBinomialTwoSided(30, 40)
    // Cross-check the reference itself against R's binom.test(30, 40)$p.value.
    expect(reference).toBeCloseTo(0.0022214337732293643, 15)
    const { pValue, relativeChange } = comparePoissonCounts(30, 10)
    expect(Math.abs(pValue - reference)).toBeLessThan(1e-12 * reference)
    expect(pValue).toBeCloseTo(0.00222, 5)
    expect(relativeChange).toBe(2)
  })

  it('is symmetric in its arguments (but the relative change is not)', () => {
    const up = comparePoissonCounts(30, 10)
    const down = comparePoissonCounts(10, 30)
    expect(down.pValue).toBe(up.pValue)
    expect(down.relativeChange).toBeCloseTo(-2 / 3, 15)
  })

  it('agrees with the direct definition on many small pairs', () => {
    for (let n = 0; n <= 60; n += 3) {
      for (let a = 0; a <= n; a++) {
        const reference = exactBinomialTwoSided(a, n)
        const { pValue } = comparePoissonCounts(a, n - a)
        expect(Math.abs(pValue - reference)).toBeLessThanOrEqual(1e-12 * reference)
      }
    }
  })

  it('matches published exact values for larger counts', () => {
    // Reference values: R binom.test(x, n, 0.5)$p.value / scipy.stats.binomtest.
    const cases: [number, number, number][] = [
      [12, 5, 0.143463134765625],
      [0, 20, 1.9073486328125e-6],
      [5000, 4800, 0.04440414879984631],
      [501_000, 499_000, 0.0456082998653896],
      [500_500, 499_500, 0.3177946913633297],
      [1000, 0, 1.8665272370064378e-301],
    ]
    for (const [a, b, expected] of cases) {
      expect(Math.abs(comparePoissonCounts(a, b).pValue - expected)).toBeLessThanOrEqual(1e-7 * expected)
    }
  })

  it('reports a null relative change when growing from zero', () => {
    expect(comparePoissonCounts(5, 0)).toEqual({ pValue: 0.0625, relativeChange: null })
  })

  it('rejects counts that are not non-negative integers', () => {
    expect(() => comparePoissonCounts(-1, 3)).toThrow(RangeError)
    expect(() => comparePoissonCounts(2.5, 3)).toThrow(RangeError)
    expect(() => comparePoissonCounts(3, Number.NaN)).toThrow(RangeError)
    expect(() => comparePoissonCounts(Number.POSITIVE_INFINITY, 3)).toThrow(RangeError)
  })
})
