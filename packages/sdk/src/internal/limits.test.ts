import { CURRENCY_CODES, currencyExponent as sharedExponent, LIMITS as SHARED_LIMITS } from '@rapport/shared'
import { describe, expect, it } from 'vitest'
import { currencyExponent, LIMITS } from './limits.js'

describe('SDK limits', () => {
  it('equal the server contract', () => {
    expect(LIMITS).toEqual(SHARED_LIMITS)
  })

  it('know the decimals of every supported currency', () => {
    const mismatches = CURRENCY_CODES.filter((code) => currencyExponent(code) !== sharedExponent(code))
    expect(mismatches).toEqual([])
  })
})
