import { CURRENCY_CODES, currencyExponent as sharedExponent } from '@rapport/shared'
import { describe, expect, it } from 'vitest'
import { currencyExponent } from './limits.js'

describe('SDK limits', () => {
  it('know the decimals of every supported currency', () => {
    const mismatches = CURRENCY_CODES.filter((code) => currencyExponent(code) !== sharedExponent(code))
    expect(mismatches).toEqual([])
  })
})
