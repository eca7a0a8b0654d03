import { describe, expect, it } from 'vitest'
import { orderTotal, roundE4ToMinor, unitPriceE4 } from './line-amount.js'

const line = (quantity: number, price: string) => ({ quantity, priceE4: unitPriceE4(price) ?? -1n })

describe('order totals from lines', () => {
  it('reads unit prices exactly, in ten-thousandths', () => {
    expect(unitPriceE4('2.55')).toBe(25_500n)
    expect(unitPriceE4('0.0001')).toBe(1n)
    expect(unitPriceE4('11062.06')).toBe(110_620_600n)
    expect(unitPriceE4('0')).toBe(0n)
    expect(unitPriceE4('1.00005')).toBeNull()
    expect(unitPriceE4('-1')).toBeNull()
    expect(unitPriceE4('abc')).toBeNull()
  })

  it('sums quantity × price exactly and rounds the sum once, half up, to pence', () => {
    expect(orderTotal([line(6, '2.55'), line(6, '3.39')], 2)).toBe('35.64')
    // 3 × 0.165 = 0.495 → 0.50 (half up), 1 × 0.1249 → 0.12
    expect(orderTotal([line(3, '0.165')], 2)).toBe('0.50')
    expect(orderTotal([line(1, '0.1249')], 2)).toBe('0.12')
    // Two lines of 0.005 are 0.01 together; rounding each line first would give 0.02.
    expect(orderTotal([line(1, '0.005'), line(1, '0.005')], 2)).toBe('0.01')
    expect(orderTotal([line(1, '0.0049')], 2)).toBe('0.00')
    expect(orderTotal([], 2)).toBe('0.00')
  })

  it('rounds to the currency: none for JPY, three decimals for KWD', () => {
    expect(orderTotal([line(3, '0.5')], 0)).toBe('2')
    expect(orderTotal([line(1, '0.4999')], 0)).toBe('0')
    expect(orderTotal([line(1, '1.2345')], 3)).toBe('1.235')
    expect(roundE4ToMinor(12_345n, 4)).toBe(12_345n)
  })

  it('stays exact far beyond a double', () => {
    // 11,111,111,112,255,678.9999 has more digits than a double keeps.
    expect(orderTotal([line(900_000_001, '12345678.9999')], 2)).toBe('11111111112255679.00')
  })
})
