import { describe, expect, it } from 'vitest'
import { normalCdf, normalQuantile } from './normal.js'

/** |actual − expected| ≤ tol·|expected| */
function expectRelativeClose(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected))
}

describe('normalCdf', () => {
  it('matches the textbook values', () => {
    expect(normalCdf(0)).toBe(0.5)
    expect(normalCdf(1.96)).toBeCloseTo(0.975002, 6)
    expect(normalCdf(1)).toBeCloseTo(0.841345, 6)
    expect(normalCdf(-3)).toBeCloseTo(0.00135, 5)
  })

  // Reference values: R pnorm() / scipy.stats.norm.cdf, both double precision.
  const reference: [number, number][] = [
    [0.5, 0.6914624612740131],
    [1, 0.8413447460685429],
    [1.96, 0.9750021048517795],
    [-1.96, 0.024997895148220435],
    [-3, 0.0013498980316300933],
    [3, 0.9986501019683699],
    [-5, 2.866515718791933e-7],
    [-10, 7.61985302416047e-24],
    [-20, 2.7536241186061556e-89],
  ]
  it.each(reference)('Φ(%d) has full relative precision', (x, expected) => {
    expectRelativeClose(normalCdf(x), expected, 1e-13)
  })

  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    for (const x of [0.1, 0.6, 0.7, 1.3, 2.5, 4, 5.7, 7]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15)
    }
  })

  it('is monotone across the branch boundaries of the approximation', () => {
    const xs = [-6, -5.6569, -5.6568, -3, -0.6745, -0.6744, 0, 0.6744, 0.6745, 3, 5.6568, 5.6569, 6]
    for (let i = 1; i < xs.length; i++) {
      expect(normalCdf(xs[i] ?? 0)).toBeGreaterThan(normalCdf(xs[i - 1] ?? 0))
    }
  })

  it('handles the extremes', () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0)
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1)
    expect(normalCdf(-40)).toBe(0)
    expect(normalCdf(40)).toBe(1)
    expect(normalCdf(Number.NaN)).toBeNaN()
  })
})

describe('normalQuantile', () => {
  it('matches the textbook critical values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6)
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 6)
    expect(normalQuantile(0.5)).toBe(0)
  })

  // Reference values: R qnorm() / scipy.stats.norm.ppf.
  const reference: [number, number][] = [
    [0.975, 1.959963984540054],
    [0.9, 1.2815515655446004],
    [0.025, -1.9599639845400545],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
    [1e-300, -37.0470962993612],
    [0.999999, 4.753424308817087],
  ]
  it.each(reference)('Φ⁻¹(%d) is accurate to ~1e-12 after refinement', (p, expected) => {
    expectRelativeClose(normalQuantile(p), expected, 1e-12)
  })

  it('inverts normalCdf', () => {
    for (const p of [1e-8, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.97575, 0.99]) {
      expectRelativeClose(normalCdf(normalQuantile(p)), p, 1e-13)
    }
  })

  it('returns infinities at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY)
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY)
    expect(normalQuantile(-0.1)).toBeNaN()
    expect(normalQuantile(1.5)).toBeNaN()
    expect(normalQuantile(Number.NaN)).toBeNaN()
  })
})
