import { describe, expect, it } from 'vitest'
import { foldCustomers, foldPurchases } from './fold-events.js'
import type { NormalizedIdentify, NormalizedPurchase } from './normalized-event.js'

const at = (day: number) => new Date(Date.UTC(2026, 0, day))

function identify(customerId: string, day: number, fields: Partial<NormalizedIdentify> = {}): NormalizedIdentify {
  return { type: 'identify', eventId: `i-${customerId}-${day}`, occurredAt: at(day), customerId, email: null, name: null, phone: null, traits: {}, ...fields }
}

function purchase(orderId: string, day: number, fields: Partial<NormalizedPurchase> = {}): NormalizedPurchase {
  return {
    type: 'purchase',
    eventId: `p-${orderId}-${day}-${fields.status ?? 'completed'}`,
    occurredAt: at(day),
    orderId,
    customerId: 'c',
    amountMinor: 100n,
    currency: 'EUR',
    status: 'completed',
    source: null,
    channel: null,
    country: null,
    items: null,
    ...fields,
  }
}

describe('foldCustomers', () => {
  it('applies identifies oldest first whatever order they arrive in, and merges traits', () => {
    const [folded] = foldCustomers([
      identify('c', 3, { name: 'Newest', traits: { plan: 'pro' } }),
      identify('c', 1, { name: 'Oldest', email: 'old@example.com', traits: { plan: 'free', country: 'UK' } }),
      purchase('o', 5),
    ])
    expect(folded).toEqual({
      customerId: 'c',
      email: 'old@example.com',
      name: 'Newest',
      phone: null,
      traits: { plan: 'pro', country: 'UK' },
      profileAt: at(3),
      firstSeenAt: at(1),
      lastSeenAt: at(5),
    })
  })

  it('leaves guests out and sorts by customer id (lock order)', () => {
    const folded = foldCustomers([purchase('o1', 1, { customerId: 'zed' }), purchase('o2', 1, { customerId: null }), identify('amy', 2)])
    expect(folded.map((row) => row.customerId)).toEqual(['amy', 'zed'])
    expect(folded[1]?.profileAt).toBeNull()
  })
})

describe('foldPurchases', () => {
  it('lets the newest event of an order win and keeps the earliest time as the order time', () => {
    const [order] = foldPurchases([
      purchase('o', 4, { status: 'refunded', amountMinor: 100n, customerId: null }),
      purchase('o', 2, { items: [{ productId: 'p', name: null, category: null, quantity: 1, unitPriceE4: 1_0000n }], source: 'ads' }),
    ])
    expect(order).toMatchObject({
      orderId: 'o',
      status: 'refunded',
      orderedAt: at(2),
      lastEventAt: at(4),
      refundedAt: at(4),
      customerId: 'c',
      source: 'ads',
      eventId: 'p-o-4-refunded',
    })
    expect(order?.items).toHaveLength(1)
  })
})
