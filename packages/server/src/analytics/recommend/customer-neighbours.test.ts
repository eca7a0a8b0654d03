import { describe, expect, it } from 'vitest'
import { findNeighbours } from './customer-neighbours.js'
import { buildPurchaseIndex } from './purchase-index.js'
import { randomHistory } from './random-history.test-support.js'


const index = buildPurchaseIndex(randomHistory(300, 25, 7), 1_000, () => true)

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
