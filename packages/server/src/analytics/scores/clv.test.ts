import { describe, expect, it } from 'vitest'
import { expectedTransactions, probabilityAlive } from './bg-nbd-predict.js'
import { expectedDiscountedTransactions, scoreCustomer } from './clv.js'
import { expectedAverageValue } from './gamma-gamma.js'

const BG_NBD_WEEKS = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
const GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44 }
const customer = { frequency: 2, recency: 30.43, age: 38.86, monetary: 40 }

describe('scoreCustomer', () => {
  it('combines P(alive), expected purchases in days converted to the model’s weeks, and Gamma–Gamma value', () => {
    const score = scoreCustomer(BG_NBD_WEEKS, GAMMA_GAMMA, customer, { unitDays: 7 })
    const value = expectedAverageValue(GAMMA_GAMMA, customer)
    // 6.25 · (15.44 + 2 · 40) / (12.5 + 2.74)
    expect(value).toBeCloseTo((6.25 * 95.44) / 15.24, 12)
    expect(score).toEqual({
      pAlive: probabilityAlive(BG_NBD_WEEKS, customer),
      expectedPurchases30: expectedTransactions(BG_NBD_WEEKS, customer, 30 / 7),
      expectedPurchases90: expectedTransactions(BG_NBD_WEEKS, customer, 90 / 7),
      expectedValue: value,
      predictedClv90: expectedTransactions(BG_NBD_WEEKS, customer, 90 / 7) * value,
      predictedClv365: expectedTransactions(BG_NBD_WEEKS, customer, 365 / 7) * value,
    })
    expect(score.expectedPurchases30).toBeLessThan(score.expectedPurchases90)
  })

  it('discounts: a positive rate lowers the CLV, by less than the discount factor at the horizon', () => {
    const plain = scoreCustomer(BG_NBD_WEEKS, GAMMA_GAMMA, customer, { unitDays: 7 })
    const discounted = scoreCustomer(BG_NBD_WEEKS, GAMMA_GAMMA, customer, { unitDays: 7, annualDiscountRate: 0.2 })
    expect(discounted.predictedClv365).toBeLessThan(plain.predictedClv365)
    expect(discounted.predictedClv365).toBeGreaterThan(plain.predictedClv365 / 1.2)
    expect(discounted.expectedPurchases90).toBe(plain.expectedPurchases90)
  })
})

describe('expectedDiscountedTransactions', () => {
  it('equals the sum of discounted step increments, and the plain expectation without discounting', () => {
    const params = { r: 1, alpha: 50, a: 0.5, b: 4 }
    const c = { frequency: 3, recency: 80, age: 100 }
    const e = (t: number) => expectedTransactions(params, c, t)
    // Steps of 30 days over 90 days at 10% a year, discounted from the midpoints 15, 45, 75.
    const byHand = [15, 45, 75].reduce((sum, mid) => sum + (e(mid + 15) - e(mid - 15)) * 1.1 ** (-mid / 365), 0)
    expect(expectedDiscountedTransactions(params, c, 90, { annualDiscountRate: 0.1 })).toBeCloseTo(byHand, 12)
    expect(expectedDiscountedTransactions(params, c, 90)).toBe(e(90))
  })
})
