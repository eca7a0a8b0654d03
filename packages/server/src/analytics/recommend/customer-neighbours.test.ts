import { describe, expect, it } from 'vitest'
import { findNeighbours } from './customer-neighbours.js'
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

const index = buildPurchaseIndex(history(300, 25, 7), 1_000, () => true)

describe('findNeighbours', () => {
  it('picks exactly what a full sort by similarity, then customer id, picks — ties at the cut included', () => {
    const overlap = new Float64Array(index.customers.length)
    for (let customer = 0; customer < index.customers.length; customer++) {
      const items = index.itemsOf[customer] ?? new Int32Array(0)
      const all = index.customers.map((_, other) => {
        const theirs = new Set(index.itemsOf[other])
        const shared = items.filter((item) => theirs.has(item)).length
        return { customer: other, similarity: shared / Math.sqrt(items.length * theirs.size) }
      })
      const expected = all.filter((n) => n.customer !== customer && n.similarity > 0).sort((x, y) => y.similarity - x.similarity || x.customer - y.customer)
      for (const k of [1, 10, 40]) expect(findNeighbours(index, customer, k, overlap)).toEqual(expected.slice(0, k))
    }
    expect(overlap.every((value) => value === 0)).toBe(true)
  })
})
