import { describe, expect, it } from 'vitest'
import { logGamma } from '../stats/index.js'
import { hyp2f1 } from './hypergeometric.js'
import { integrateUnit } from './test-quadrature.js'

/** Euler's integral Γ(c) / (Γ(b)Γ(c − b)) ∫₀¹ t^(b−1)(1 − t)^(c−b−1)(1 − zt)^(−a) dt, valid for c > b > 0. */
function eulerIntegral(a: number, b: number, c: number, z: number): number {
  const scale = Math.exp(logGamma(c) - logGamma(b) - logGamma(c - b))
  return scale * integrateUnit((t, oneMinusT) => t ** (b - 1) * oneMinusT ** (c - b - 1) * (1 - z * t) ** -a)
}

const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1)

describe('hyp2f1', () => {
  it('matches closed forms inside the unit disc', () => {
    // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z
    for (const z of [0.1, 0.5, 0.85, -0.5]) expect(relative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-14)
    // ₂F₁(a, b; b; z) = (1 − z)^−a
    expect(relative(hyp2f1(2.5, 3.1, 3.1, 0.6), 0.4 ** -2.5)).toBeLessThan(1e-14)
    // ₂F₁(1/2, 1/2; 3/2; z²) = arcsin(z) / z
    expect(relative(hyp2f1(0.5, 0.5, 1.5, 0.25), Math.asin(0.5) / 0.5)).toBeLessThan(1e-14)
  })

  it('uses the 1 − z transformation near 1 and stays accurate', () => {
    // c − a − b = 1/2: transformed path.
    for (const x of [0.96, 0.99, 0.9999]) expect(relative(hyp2f1(0.5, 0.5, 1.5, x * x), Math.asin(x) / x)).toBeLessThan(1e-12)
    // Non-integer c − a − b < 0 (the function diverges at 1), checked against Euler's integral.
    expect(relative(hyp2f1(2.7, 1.5, 4.1, 0.97), eulerIntegral(2.7, 1.5, 4.1, 0.97))).toBeLessThan(1e-10)
    expect(relative(hyp2f1(5.243, 7.426, 8.219, 0.95), eulerIntegral(5.243, 7.426, 8.219, 0.95))).toBeLessThan(1e-9)
  })

  it('sums the series directly when c − a − b is (near) an integer, where the transformation degenerates', () => {
    expect(relative(hyp2f1(1, 1, 2, 0.995), -Math.log1p(-0.995) / 0.995)).toBeLessThan(1e-12)
    expect(relative(hyp2f1(1.5, 2.5, 4.02, 0.93), eulerIntegral(1.5, 2.5, 4.02, 0.93))).toBeLessThan(1e-10)
  })

  it('uses Pfaff’s transformation for z < −0.9', () => {
    // ₂F₁(1/2, 1; 3/2; −x²) = arctan(x) / x
    for (const x of [1, 3, 30]) expect(relative(hyp2f1(0.5, 1, 1.5, -x * x), Math.atan(x) / x)).toBeLessThan(1e-12)
  })

  it('applies Gauss’s theorem at z = 1 and handles the edge cases', () => {
    // ₂F₁(1, 1; 3; 1) = Γ(3)Γ(1) / (Γ(2)Γ(2)) = 2
    expect(hyp2f1(1, 1, 3, 1)).toBeCloseTo(2, 13)
    expect(hyp2f1(1, 1, 2, 1)).toBe(Number.POSITIVE_INFINITY)
    expect(hyp2f1(1, 1, 2, 0)).toBe(1)
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN()
    expect(hyp2f1(1, 1, 2, 1.5)).toBeNaN()
    // A terminating series: ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b + 1)z² / (c(c + 1))
    expect(hyp2f1(-2, 3, 4, 0.95)).toBeCloseTo(1 - (2 * 3 * 0.95) / 4 + (3 * 4 * 0.95 ** 2) / (4 * 5), 13)
  })
})
