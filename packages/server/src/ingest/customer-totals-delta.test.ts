import { describe, expect, it } from 'vitest'
import { planCustomerTotals } from './customer-totals-delta.js'
import type { PurchaseUpsert } from './fold-events.js'

function order(orderId: string, customerId: string | null, amountMinor: bigint, at: string, extra: Partial<PurchaseUpsert> = {}): PurchaseUpsert {
  const when = new Date(at)
  return {
    orderId,
    eventId: `e-${orderId}`,
    lastEventAt: when,
    orderedAt: when,
    customerId,
    amountMinor,
    currency: 'GBP',
    status: 'completed',
    source: null,
    channel: null,
    country: null,
    refundedAt: null,
    items: null,
    ...extra,
  }
}

describe('planCustomerTotals', () => {
  it('adds a customer’s new orders: completed in the project currency to spend, refunded ones apart, dates widened', () => {
    const plan = planCustomerTotals(
      [
        order('o1', 'ann', 1000n, '2026-01-02T00:00:00Z'),
        order('o2', 'ann', 250n, '2026-01-01T00:00:00Z'),
        order('o3', 'ann', 99n, '2026-01-05T00:00:00Z', { currency: 'EUR' }),
        order('o4', 'ann', 500n, '2026-01-03T00:00:00Z', { status: 'refunded' }),
        order('guest', null, 700n, '2026-01-03T00:00:00Z'),
      ],
      new Set(),
      'GBP',
    )
    expect(plan.deltas).toEqual(
      new Map([
        [
          'ann',
          {
            orders: 3,
            refundedOrders: 1,
            grossMinor: 1250n,
            firstPurchaseAt: new Date('2026-01-01T00:00:00Z'),
            lastPurchaseAt: new Date('2026-01-05T00:00:00Z'),
          },
        ],
      ]),
    )
    expect(plan.recompute).toEqual(new Set())
  })

  it('recomputes, rather than adds to, a customer the batch also changes otherwise (moved order, refund)', () => {
    const plan = planCustomerTotals([order('o1', 'ann', 1000n, '2026-01-02T00:00:00Z'), order('o2', 'bob', 5n, '2026-01-02T00:00:00Z')], new Set(['ann', 'cat']), 'GBP')
    expect([...plan.deltas.keys()]).toEqual(['bob'])
    expect(plan.recompute).toEqual(new Set(['ann', 'cat']))
  })
})
