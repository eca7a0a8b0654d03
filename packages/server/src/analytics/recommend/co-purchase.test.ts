import { describe, expect, it } from 'vitest'
import { coPurchases, createCoPurchaseScratch } from './co-purchase.js'
import { buildPurchaseIndex } from './purchase-index.js'
import { randomHistory } from './random-history.test-support.js'


describe('coPurchases', () => {
  it('finds, for each product, the customer’s product most often co-bought with it, ties to the smaller id', () => {
    // More products than one pass's 32 bits, so the shared pass runs in groups.
    const index = buildPurchaseIndex(randomHistory(200, 60, 11), 1_000, () => true)
    const scratch = createCoPurchaseScratch(index)
    for (let customer = 0; customer < index.customers.length; customer++) {
      const own = [...(index.itemsOf[customer] ?? [])]
      const items = index.products.map((_, item) => item).filter((item) => !own.includes(item))
      const expected = items.map((item) => {
        const buyers = new Set(index.buyersOf[item])
        let best = { product: -1, customers: 0 }
        for (const product of own) {
          const count = [...(index.buyersOf[product] ?? [])].filter((buyer) => buyers.has(buyer)).length
          if (count > best.customers) best = { product, customers: count }
        }
        return best
      })
      expect(coPurchases(index, customer, items, scratch)).toEqual(expected)
    }
    expect(scratch.marks.every((value) => value === 0) && scratch.counts.every((value) => value === 0)).toBe(true)
  })
})
