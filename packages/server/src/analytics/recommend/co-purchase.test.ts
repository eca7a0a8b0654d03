import { describe, expect, it } from 'vitest'
import { coPurchases, createCoPurchaseScratch } from './co-purchase.js'
import { seededRandom } from '../../test/seeded-random.js'
import { buildPurchaseIndex, type Purchase } from './purchase-index.js'

// A seeded random history with many equal similarities (few products, short baskets).
function history(customers: number, products: number, seed: number): Purchase[] {
  const random = seededRandom(seed)
  const purchases: Purchase[] = []
  for (let c = 0; c < customers; c++) {
    const basket = 1 + Math.floor(random() * 6)
    for (let i = 0; i < basket; i++) purchases.push({ customerId: `c${String(c).padStart(3, '0')}`, productId: `p${Math.floor(random() * products)}`, at: Math.floor(random() * 100) })
  }
  return purchases
}

describe('coPurchases', () => {
  it('finds, for each product, the customer’s product most often co-bought with it, ties to the smaller id', () => {
    // More products than one pass's 32 bits, so the shared pass runs in groups.
    const index = buildPurchaseIndex(history(200, 60, 11), 1_000, () => true)
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
