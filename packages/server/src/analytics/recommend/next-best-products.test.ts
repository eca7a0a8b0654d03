import { describe, expect, it } from 'vitest'
import { nextBestProducts } from './next-best-products.js'
import { popularProducts } from './popular-products.js'
import type { Purchase } from './purchase-index.js'

const DAY = 86_400_000
const asOf = Date.UTC(2011, 11, 1)
const buy = (customerId: string, productIds: string[], daysAgo: number): Purchase[] =>
  productIds.map((productId) => ({ customerId, productId, at: asOf - daysAgo * DAY }))

// Tea drinkers buy tea, cup and then a teapot; 'ann' has tea and cup but no teapot yet.
const purchases: Purchase[] = [
  ...buy('ann', ['tea', 'cup', 'POST'], 20),
  ...buy('bob', ['tea', 'cup', 'teapot', 'POST'], 5),
  ...buy('cat', ['tea', 'cup', 'teapot', 'gift_0001_20'], 3),
  ...buy('dan', ['tea', 'teapot', 'saucer'], 8),
  ...buy('eve', ['lamp', 'bulb'], 2),
  ...buy('fay', ['lamp', 'bulb', 'shade'], 1),
  ...buy('gus', ['lamp'], 1),
  ...buy('ann', ['candle'], -1), // after asOf: ignored
]

describe('nextBestProducts', () => {
  const recs = nextBestProducts(purchases, { asOf })

  it('recommends only products the customer never bought, never non-products or future purchases', () => {
    for (const [customerId, list] of recs) {
      const bought = new Set(purchases.filter((p) => p.customerId === customerId && p.at < asOf).map((p) => p.productId))
      for (const rec of list) {
        expect(bought.has(rec.productId), `${customerId} ${rec.productId}`).toBe(false)
        expect(['POST', 'gift_0001_20', 'candle']).not.toContain(rec.productId)
      }
    }
    expect(recs.get('ann')?.map((r) => r.productId)).not.toContain('cup')
  })

  it('puts what similar customers bought first, with the co-purchase as the reason', () => {
    const ann = recs.get('ann') ?? []
    expect(ann[0]?.productId).toBe('teapot')
    expect(ann[0]?.evidence).toEqual({ kind: 'co-purchase', withProductId: 'tea', customers: 3 })
    expect(ann[0]?.reason).toBe('3 customers who bought tea also bought it')
    // scores are best first
    const scores = ann.map((r) => r.score)
    expect(scores).toEqual([...scores].sort((x, y) => y - x))
  })

  it('gives every recommendation a plain-words reason, naming products through productName', () => {
    const named = nextBestProducts(purchases, { asOf, customerIds: ['ann', 'zoe'], productName: (id) => id.toUpperCase() })
    expect(named.get('ann')?.[0]?.reason).toBe('3 customers who bought TEA also bought it')
    // a customer without history gets popular products, said so
    const zoe = named.get('zoe') ?? []
    expect(zoe.length).toBeGreaterThan(0)
    for (const rec of zoe) expect(rec.reason).toMatch(/^popular lately: bought by \d+ customers in the last 30 days$/)
  })

  it('respects the limit and breaks score ties by product id', () => {
    const ties = [...buy('a', ['x'], 1), ...buy('b', ['p3'], 1), ...buy('c', ['p1'], 1), ...buy('d', ['p2'], 1)]
    const list = nextBestProducts(ties, { asOf, customerIds: ['a'], limit: 2 }).get('a') ?? []
    expect(list.map((r) => r.productId)).toEqual(['p1', 'p2'])
    expect(list[0]?.score).toBe(list[1]?.score)
  })
})

describe('popularProducts', () => {
  it('ranks by distinct recent buyers and skips what the customer bought', () => {
    const recs = popularProducts(purchases, { asOf, days: 10, customerIds: ['ann', 'gus'] })
    // last 10 days: teapot 3 (bob, cat, dan), lamp 3, cup 2, bulb 2, tea 3 …
    expect(recs.get('ann')).toEqual(['lamp', 'teapot', 'bulb', 'saucer', 'shade'])
    expect(recs.get('gus')).toEqual(['tea', 'teapot', 'bulb', 'cup', 'saucer', 'shade'])
  })
})
