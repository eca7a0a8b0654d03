import { describe, expect, it } from 'vitest'
import { createProductFilter, DEFAULT_NON_PRODUCT_CODES } from './non-product.js'

describe('createProductFilter', () => {
  it('rejects the dataset non-product codes and gift vouchers, keeps products', () => {
    const isProduct = createProductFilter()
    for (const code of ['POST', 'DOT', 'M', 'm', 'C2', 'D', 'S', 'BANK CHARGES', 'AMAZONFEE', 'CRUK', 'PADS', 'B', 'gift_0001_20']) {
      expect(isProduct(code), code).toBe(false)
    }
    for (const code of ['85123A', '22423', 'DCGSSGIRL', 'post']) expect(isProduct(code), code).toBe(true)
  })

  it('takes a per-project list and pattern; a global pattern gives the same answer on every call', () => {
    const isProduct = createProductFilter({ codes: [...DEFAULT_NON_PRODUCT_CODES, 'FEE'], pattern: /^SVC-/g })
    expect(isProduct('FEE')).toBe(false)
    expect([isProduct('SVC-1'), isProduct('SVC-2')]).toEqual([false, false])
    expect(isProduct('gift_0001_20')).toBe(true)
    expect(createProductFilter({ pattern: null })('gift_0001_20')).toBe(true)
  })
})
