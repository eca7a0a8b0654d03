import { describe, expect, it } from 'vitest'
import { logGamma } from '../stats/index.js'
import type { BgNbdCustomer, BgNbdParams } from './bg-nbd.js'
import { expectedTransactions, expectedTransactionsPopulation, probabilityAlive } from './bg-nbd-predict.js'
import { hyp2f1 } from './hypergeometric.js'
import { integrateUnit } from './test-quadrature.js'

const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }

/** Beta(a, b) density of the dropout probability p, evaluated with p and 1 − p. */
function betaDensity({ a, b }: BgNbdParams, p: number, q: number): number {
  return Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log(q) - logGamma(a) - logGamma(b) + logGamma(a + b))
}

/**
 * Independent route to P(alive) and E[Y(t) | x, tₓ, T]: integrate λ out analytically
 * (∫ λˣ e^(−λs) Gamma(λ; r, α) dλ ∝ (α + s)^−(r+x)) and p numerically over its Beta posterior,
 * using E[Y(t) | λ, p, alive] = (1 − e^(−λpt)) / p. No hypergeometric function involved.
 */
function byIntegration(params: BgNbdParams, c: BgNbdCustomer, t: number): { pAlive: number; expected: number } {
  const { r, alpha } = params
  const { frequency: x, recency: tx, age: T } = c
  const k = r + x
  // Every term is scaled by (α + T)^(r + x) so heavy buyers do not underflow.
  const deadScale = ((alpha + T) / (alpha + tx)) ** k
  const aliveWeight = (p: number, q: number) => betaDensity(params, p, q) * q ** x
  const deadWeight = (p: number, q: number) => (x > 0 ? betaDensity(params, p, q) * p * q ** (x - 1) * deadScale : 0)
  const alive = integrateUnit(aliveWeight)
  const total = alive + integrateUnit(deadWeight)
  const expected = integrateUnit((p, q) => (aliveWeight(p, q) * -Math.expm1(-k * Math.log1p((p * t) / (alpha + T)))) / p)
  return { pAlive: alive / total, expected: expected / total }
}

describe('probabilityAlive', () => {
  it('is 1 without repeat purchases and falls with time since the last one', () => {
    expect(probabilityAlive(CDNOW, { frequency: 0, recency: 0, age: 30 })).toBe(1)
    const recent = probabilityAlive(CDNOW, { frequency: 3, recency: 30, age: 32 })
    const lapsed = probabilityAlive(CDNOW, { frequency: 3, recency: 5, age: 32 })
    expect(recent).toBeGreaterThan(lapsed)
  })

  it('matches numerical integration over the posterior', () => {
    for (const c of [
      { frequency: 2, recency: 30.43, age: 38.86 },
      { frequency: 1, recency: 1.71, age: 38.86 },
      { frequency: 14, recency: 20, age: 38 },
    ]) {
      expect(probabilityAlive(CDNOW, c)).toBeCloseTo(byIntegration(CDNOW, c, 1).pAlive, 9)
    }
  })
})

describe('expectedTransactions', () => {
  it('matches numerical integration over the posterior for several histories and horizons', () => {
    const cases: [BgNbdCustomer, number][] = [
      [{ frequency: 2, recency: 30.43, age: 38.86 }, 39],
      [{ frequency: 0, recency: 0, age: 20 }, 39],
      [{ frequency: 7, recency: 35, age: 36 }, 10],
      [{ frequency: 1, recency: 0.5, age: 2 }, 500],
    ]
    for (const [c, t] of cases) {
      const value = expectedTransactions(CDNOW, c, t)
      expect(Math.abs(value / byIntegration(CDNOW, c, t).expected - 1)).toBeLessThan(1e-8)
    }
  })

  it('agrees with eq. 10 written with the untransformed ₂F₁(r + x, b + x; a + b + x − 1; z)', () => {
    const { r, alpha, a, b } = CDNOW
    const c = { frequency: 4, recency: 25, age: 30 }
    const t = 52
    const x = c.frequency
    const z = t / (alpha + c.age + t)
    const bracket = 1 - ((alpha + c.age) / (alpha + c.age + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)
    const direct = ((a + b + x - 1) / (a - 1)) * bracket * probabilityAlive(CDNOW, c)
    expect(expectedTransactions(CDNOW, c, t)).toBeCloseTo(direct, 11)
  })

  it('stays accurate for a very heavy buyer (x = 400), where the untransformed series would need huge terms', () => {
    const params = { r: 1.2, alpha: 40, a: 0.4, b: 3 }
    const c = { frequency: 400, recency: 360, age: 365 }
    const value = expectedTransactions(params, c, 365)
    expect(Math.abs(value / byIntegration(params, c, 365).expected - 1)).toBeLessThan(1e-6)
    // Below the customer's own pace of about 400 a year: some chance of having dropped out.
    expect(value).toBeLessThan(400)
  })

  it('is 0 for a zero horizon and grows with the horizon', () => {
    const c = { frequency: 2, recency: 10, age: 20 }
    expect(expectedTransactions(CDNOW, c, 0)).toBe(0)
    expect(expectedTransactions(CDNOW, c, 10)).toBeLessThan(expectedTransactions(CDNOW, c, 20))
  })
})

describe('expectedTransactionsPopulation', () => {
  it('matches numerical integration of E[X(t) | λ, p] = (1 − e^(−λpt)) / p over both mixing distributions', () => {
    const { r, alpha } = CDNOW
    for (const t of [1, 39, 78, 1000]) {
      const integral = integrateUnit((p, q) => (betaDensity(CDNOW, p, q) * -Math.expm1(-r * Math.log1p((p * t) / alpha))) / p)
      expect(Math.abs(expectedTransactionsPopulation(CDNOW, t) / integral - 1)).toBeLessThan(1e-9)
    }
  })

  it('equals the conditional expectation of a customer with no history (x = tₓ = T = 0)', () => {
    expect(expectedTransactionsPopulation(CDNOW, 39)).toBeCloseTo(expectedTransactions(CDNOW, { frequency: 0, recency: 0, age: 0 }, 39), 11)
  })
})
