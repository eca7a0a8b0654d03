import { describe, expect, it } from 'vitest'
import { currencyExponent, isCurrencyCode } from './currency.js'
import { formatMinorUnits, parseScaledDecimal } from './money.js'

describe('parseScaledDecimal', () => {
  it.each([
    ['49.90', 2, 4990n],
    ['49.9', 2, 4990n],
    [49.9, 2, 4990n],
    ['1200', 0, 1200n],
    ['0.001', 3, 1n],
    ['007.50', 2, 750n],
    ['10.5000', 2, 1050n],
    ['2.5500', 4, 25500n],
    ['9999999999999.99', 2, 999999999999999n],
    [0, 2, 0n],
  ] as const)('%s at scale %i is %s', (input, scale, expected) => {
    expect(parseScaledDecimal(input, scale)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['49.999', 2, 'too_many_decimals'],
    ['10.5', 0, 'too_many_decimals'],
    [0.1 + 0.2, 2, 'too_many_decimals'],
    ['-1', 2, 'format'],
    [-1, 2, 'format'],
    ['1e3', 2, 'format'],
    [1e21, 2, 'format'],
    [Number.NaN, 2, 'format'],
    [Number.POSITIVE_INFINITY, 2, 'format'],
    ['', 2, 'format'],
    ['1.', 2, 'format'],
    ['.5', 2, 'format'],
    [' 1', 2, 'format'],
    ['1,50', 2, 'format'],
    ['12345678901234', 2, 'too_large'],
  ] as const)('%s at scale %i is refused (%s)', (input, scale, reason) => {
    expect(parseScaledDecimal(input, scale)).toEqual({ ok: false, reason })
  })
})

describe('formatMinorUnits', () => {
  it.each([
    [56000026n, 2, '560000.26'],
    [5n, 2, '0.05'],
    [-5n, 2, '-0.05'],
    [0n, 2, '0.00'],
    [1500n, 0, '1500'],
    [1234n, 3, '1.234'],
    [-123456n, 2, '-1234.56'],
  ] as const)('%s at exponent %i is %s', (minor, exponent, text) => {
    expect(formatMinorUnits(minor, exponent)).toBe(text)
  })

  it('round-trips with parseScaledDecimal', () => {
    for (const text of ['0.01', '1.00', '123.45', '99999.99']) {
      const parsed = parseScaledDecimal(text, 2)
      expect(parsed.ok && formatMinorUnits(parsed.value, 2)).toBe(text)
    }
  })
})

describe('ISO 4217', () => {
  it('knows exponents', () => {
    expect([currencyExponent('EUR'), currencyExponent('JPY'), currencyExponent('KWD'), currencyExponent('CLF')]).toEqual([2, 0, 3, 4])
  })
  it('refuses unknown and lower-case codes, and prototype names', () => {
    expect(isCurrencyCode('XYZ')).toBe(false)
    expect(isCurrencyCode('eur')).toBe(false)
    expect(isCurrencyCode('constructor')).toBe(false)
    expect(isCurrencyCode('toString')).toBe(false)
    expect(() => currencyExponent('__proto__')).toThrow(RangeError)
  })
})
