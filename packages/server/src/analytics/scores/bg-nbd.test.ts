import { describe, expect, it } from 'vitest'
import { bgNbdCustomerLogLikelihood, bgNbdLogLikelihood, fitBgNbd } from './bg-nbd.js'
import { expectedTransactions } from './bg-nbd-predict.js'
import { CDNOW_CALIBRATION_LAST_DAY, readCdnowPurchases, readCdnowSummary } from './cdnow-fixture.js'
import { summarizeCustomers } from './customer-summary.js'
import { integrateUnit } from './test-quadrature.js'

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
const purchases = readCdnowPurchases()
const summaries = summarizeCustomers(purchases, { lastDay: CDNOW_CALIBRATION_LAST_DAY, unitDays: 7 })
const customers = [...summaries.values()]

describe('CDNOW calibration summary', () => {
  it('matches the published 39-week summary for all 2,357 customers', () => {
    const published = readCdnowSummary()
    expect(summaries.size).toBe(2357)
    expect(published.size).toBe(2357)
    let mismatches = 0
    for (const [id, row] of published) {
      const mine = summaries.get(id)
      if (
        !mine ||
        mine.frequency !== row.frequency ||
        Math.abs(mine.recency - row.recency) > 0.006 ||
        Math.abs(mine.age - row.age) > 0.006
      )
        mismatches++
    }
    expect(mismatches).toBe(0)
  })
})

describe('BG/NBD log-likelihood', () => {
  it('equals the likelihood of eq. 6 written out directly (no logs) for small cases', () => {
    const params = { r: 0.7, alpha: 3.2, a: 1.4, b: 2.9 }
    const beta = (p: number, q: number) => integrateUnit((u, v) => u ** (p - 1) * v ** (q - 1))
    for (const c of [
      { frequency: 0, recency: 0, age: 10 },
      { frequency: 3, recency: 6.5, age: 12 },
    ]) {
      const { r, alpha, a, b } = params
      const { frequency: x, recency: tx, age: T } = c
      const gammaPart = (Math.exp(logGammaDirect(r + x) - logGammaDirect(r)) * alpha ** r) / 1
      const direct =
        (beta(a, b + x) / beta(a, b)) * gammaPart * (alpha + T) ** -(r + x) +
        (x > 0 ? (beta(a + 1, b + x - 1) / beta(a, b)) * gammaPart * (alpha + tx) ** -(r + x) : 0)
      expect(bgNbdCustomerLogLikelihood(params, c)).toBeCloseTo(Math.log(direct), 9)
    }
  })

  it('stays exact near the no-dropout boundary (a → 0, huge b), where log-gamma differences cancel badly', () => {
    // The limit is the NBD likelihood: lnΓ(r + x) − lnΓ(r) + r ln α − (r + x) ln(α + T).
    const r = 0.72
    const alpha = 66.6
    const c = { frequency: 12, recency: 200, age: 260 }
    const nbd = logGammaDirect(r + 12) - logGammaDirect(r) + r * Math.log(alpha) - (r + 12) * Math.log(alpha + 260)
    expect(bgNbdCustomerLogLikelihood({ r, alpha, a: 1e-27, b: 3e16 }, c)).toBeCloseTo(nbd, 9)
  })

  it('gives ≈ −9582.4 on the CDNOW summary at the published estimates', () => {
    expect(bgNbdLogLikelihood(PUBLISHED, customers)).toBeCloseTo(-9582.4, 0)
  })
})

/** ln Γ by Stirling's series after shifting the argument up, independent of the Lanczos code. */
function logGammaDirect(x: number): number {
  let shift = 0
  let y = x
  while (y < 20) {
    shift -= Math.log(y)
    y += 1
  }
  return shift + (y - 0.5) * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * y) - 1 / (360 * y ** 3) + 1 / (1260 * y ** 5)
}

describe('fitBgNbd on CDNOW (weeks)', () => {
  const fit = fitBgNbd(customers)

  it('reproduces the published maximum-likelihood estimates', () => {
    expect(fit.converged).toBe(true)
    expect(fit.customers).toBe(2357)
    // The published figures are rounded to 3 decimals; 0.3% is well inside the 1% goal.
    expect(Math.abs(fit.params.r / PUBLISHED.r - 1)).toBeLessThan(0.003)
    expect(Math.abs(fit.params.alpha / PUBLISHED.alpha - 1)).toBeLessThan(0.003)
    expect(Math.abs(fit.params.a / PUBLISHED.a - 1)).toBeLessThan(0.003)
    expect(Math.abs(fit.params.b / PUBLISHED.b - 1)).toBeLessThan(0.003)
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 1)
  })

  it('finds a maximum: nudging any parameter by 1% lowers the likelihood', () => {
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      for (const factor of [0.99, 1.01]) {
        const nudged = { ...fit.params, [key]: fit.params[key] * factor }
        expect(bgNbdLogLikelihood(nudged, customers)).toBeLessThan(fit.logLikelihood)
      }
    }
  })

  it('predicts ≈ 1,653 repeat transactions in weeks 40–78 with the published estimates (actual: 1,882 purchase days)', () => {
    const predicted = customers.reduce((sum, c) => sum + expectedTransactions(PUBLISHED, c, 39), 0)
    expect(Math.abs(predicted / 1653 - 1)).toBeLessThan(0.01)
    const holdoutDays = new Set(purchases.filter((p) => p.day > CDNOW_CALIBRATION_LAST_DAY).map((p) => `${p.customerId}|${p.day}`))
    expect(holdoutDays.size).toBe(1882)
  })

  it('gives 1.226 expected transactions in the next 39 weeks for the paper’s customer (x = 2, tₓ = 30.43, T = 38.86)', () => {
    const value = expectedTransactions(PUBLISHED, { frequency: 2, recency: 30.43, age: 38.86 }, 39)
    expect(value).toBeCloseTo(1.226, 3)
  })
})
