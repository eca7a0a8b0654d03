import { describe, expect, it } from 'vitest'
import { nextProductReason } from './next-product-reason.js'

describe('nextProductReason', () => {
  it('keeps the stored English reason for en', () => {
    expect(nextProductReason('en', '3 customers who bought Tea also bought it', { kind: 'co-purchase', withProductId: 't', withProductName: 'Tea', customers: 3 })).toBe(
      '3 customers who bought Tea also bought it',
    )
  })

  it('words the evidence in Russian with the right plural', () => {
    const coPurchase = (customers: number) => nextProductReason('ru', '', { kind: 'co-purchase', withProductId: 't', withProductName: 'Чай', customers })
    expect(coPurchase(1)).toBe('1 клиент, купивший Чай, также купил этот товар')
    expect(coPurchase(3)).toBe('3 клиента, купивших Чай, также купили этот товар')
    expect(coPurchase(11)).toBe('11 клиентов, купивших Чай, также купили этот товар')
    expect(coPurchase(21)).toBe('21 клиент, купивший Чай, также купил этот товар')
    expect(nextProductReason('ru', '', { kind: 'popular', customers: 57, days: 30 })).toBe('популярен в последнее время: его купили 57 клиентов за последние 30 дней')
    expect(nextProductReason('ru', '', { kind: 'popular', customers: 2, days: null })).toBe('популярный товар: его купили 2 клиента')
  })

  it('falls back to English for a list stored without evidence', () => {
    expect(nextProductReason('ru', 'popular: bought by 2 customers', null)).toBe('popular: bought by 2 customers')
  })
})
