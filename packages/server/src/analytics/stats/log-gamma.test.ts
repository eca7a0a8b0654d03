import { describe, expect, it } from 'vitest'
import { logChoose, logGamma } from './log-gamma.js'

describe('logGamma', () => {
  it('is ln((x − 1)!) at the integers', () => {
    let logFactorial = 0
    for (let n = 1; n <= 170; n++) {
      // logFactorial = ln((n − 1)!), summed directly
      expect(logGamma(n)).toBeCloseTo(logFactorial, 9)
      logFactorial += Math.log(n)
    }
    expect(logGamma(1)).toBeCloseTo(0, 14)
    expect(logGamma(2)).toBeCloseTo(0, 14)
  })

  it('gives ln √π at 1/2', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14)
  })

  // Reference values: scipy.special.gammaln / R lgamma().
  const reference: [number, number][] = [
    [1.5, -0.12078223763524526],
    [3.7, 1.428072326665388],
    [100, 359.1342053695754],
    [1000.5, 5908.674175848678],
    [1e6 + 1, 12815518.384658169],
    [0.1, 2.252712651734206],
    [1e-5, 11.512919692895826],
    [-0.5, 1.2655121234846454],
    [-2.5, -0.05624371649767401],
  ]
  it.each(reference)('lnΓ(%d) matches the reference to ~1e-13 relative', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-13 * Math.abs(expected))
  })

  it('returns +∞ at the poles and NaN for NaN', () => {
    expect(logGamma(0)).toBe(Number.POSITIVE_INFINITY)
    expect(logGamma(-3)).toBe(Number.POSITIVE_INFINITY)
    expect(logGamma(Number.NaN)).toBeNaN()
  })
})

describe('logChoose', () => {
  it('matches exact binomial coefficients', () => {
    expect(Math.exp(logChoose(10, 3))).toBeCloseTo(120, 9)
    expect(Math.exp(logChoose(40, 20))).toBeCloseTo(137846528820, -1)
    expect(logChoose(7, 0)).toBe(0)
    expect(logChoose(7, 7)).toBe(0)
  })

  it('is −∞ outside 0 ≤ k ≤ n', () => {
    expect(logChoose(5, 6)).toBe(Number.NEGATIVE_INFINITY)
    expect(logChoose(5, -1)).toBe(Number.NEGATIVE_INFINITY)
  })
})
