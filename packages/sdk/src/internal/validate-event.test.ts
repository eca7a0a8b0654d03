import { batchEventSchema } from '@rapport/shared'
import { describe, expect, it } from 'vitest'
import { validateEvent } from './validate-event.js'

const ID = '0b7a1c1e-6a2f-4c1e-9a57-3f0f8b1f6b10'
const AT = '2025-03-01T10:00:00.000Z'
const identify = { type: 'identify', eventId: ID, customerId: 'user-42', occurredAt: AT }
const track = { type: 'track', eventId: ID, customerId: 'user-42', name: 'demo_requested', occurredAt: AT }
const purchase = { type: 'purchase', eventId: ID, orderId: 'A-1', amount: '49.90', currency: 'EUR', occurredAt: AT }
const refund = { type: 'refund', eventId: ID, refundId: 'R-1', amount: '19.90', currency: 'EUR', occurredAt: AT }

// Each case is judged by the SDK and by the server's zod contract. The SDK is
// never stricter than the server: refusing what it accepts would lose data.
const valid: Array<Record<string, unknown>> = [
  identify,
  { ...identify, email: 'ann@example.com', name: 'Ann', phone: '+44 20', traits: { plan: 'pro', seats: 5, trial: false, note: null } },
  track,
  { ...track, properties: { nested: { list: [1, 'two', { three: 3 }] } } },
  purchase,
  { ...purchase, amount: 49.9, customerId: 'user-42', status: 'refunded', source: 'web', channel: 'ads' },
  { ...purchase, amount: '1000', currency: 'JPY' },
  { ...purchase, amount: '1.234', currency: 'KWD' },
  { ...purchase, items: [{ productId: 'sku-1', quantity: 2, unitPrice: '0.1234', name: 'Tea', category: 'Food' }] },
  { ...identify, occurredAt: '2025-03-01T10:00:00+02:00' },
  { ...purchase, country: 'Germany' },
  { ...purchase, items: Array.from({ length: 2500 }, (_, index) => ({ productId: `p-${index}` })) },
  refund,
  { ...refund, orderId: 'A-1', customerId: 'user-42', reason: 'damaged', country: 'Germany', items: [{ productId: 'mug', quantity: 1, unitPrice: '9.95' }] },
  { ...refund, amount: 0, currency: 'KWD' },
  { ...refund, amount: '1.234', currency: 'KWD' },
  { ...purchase, amount: '9999999999999.99' },
  { ...purchase, amount: '0009999999999999' },
]

const invalid: Array<[Record<string, unknown>, string]> = [
  [{ ...identify, customerId: '' }, 'customerId'],
  [{ ...identify, customerId: 'x'.repeat(257) }, 'customerId'],
  [{ ...identify, customerId: 'a\u0000b' }, 'customerId'],
  [{ ...identify, email: 'not-an-email' }, 'email'],
  [{ ...identify, traits: { nested: { a: 1 } } }, 'traits.nested'],
  [{ ...identify, traits: { big: 'x'.repeat(17_000) } }, 'traits'],
  [{ ...identify, plan: 'pro' }, 'plan'],
  [{ ...identify, eventId: 'nope' }, 'eventId'],
  [{ ...identify, occurredAt: '2025-03-01 10:00' }, 'occurredAt'],
  [{ ...identify, occurredAt: '2999-01-01T00:00:00Z' }, 'occurredAt'],
  [{ ...track, name: '' }, 'name'],
  [{ ...track, properties: 'text' }, 'properties'],
  [{ ...purchase, amount: '49.999' }, 'amount'],
  [{ ...purchase, amount: '-1' }, 'amount'],
  [{ ...purchase, amount: 0.1 + 0.2 }, 'amount'],
  [{ ...purchase, amount: '10000000000000' }, 'amount'],
  [{ ...purchase, amount: 1e21 }, 'amount'],
  [{ ...purchase, amount: 1e-7 }, 'amount'],
  [{ ...purchase, amount: '10.5', currency: 'JPY' }, 'amount'],
  [{ ...purchase, currency: 'eur' }, 'currency'],
  [{ ...purchase, orderId: undefined }, 'orderId'],
  [{ ...purchase, status: 'pending' }, 'status'],
  [{ ...purchase, items: [{ quantity: 0 }] }, 'items.0.productId'],
  [{ ...purchase, items: [{ productId: 'p', unitPrice: '0.12345' }] }, 'items.0.unitPrice'],
  [{ ...purchase, items: [{ productId: 'p', discount: 1 }] }, 'items.0.discount'],
  [{ ...purchase, items: Array.from({ length: 2501 }, (_, index) => ({ productId: `p-${index}` })) }, 'items'],
  [{ ...purchase, country: 'x'.repeat(129) }, 'country'],
  [{ ...refund, refundId: undefined }, 'refundId'],
  [{ ...refund, refundId: '' }, 'refundId'],
  [{ ...refund, orderId: 'x'.repeat(257) }, 'orderId'],
  [{ ...refund, amount: undefined }, 'amount'],
  [{ ...refund, amount: '-5' }, 'amount'],
  [{ ...refund, amount: '10.5', currency: 'JPY' }, 'amount'],
  [{ ...refund, currency: 'euro' }, 'currency'],
  [{ ...refund, reason: 'x'.repeat(513) }, 'reason'],
  [{ ...refund, country: 'a\u0000b' }, 'country'],
  [{ ...refund, status: 'refunded' }, 'status'],
  [{ ...refund, items: [{ productId: 'p', quantity: 0 }] }, 'items.0.quantity'],
]

describe('validateEvent', () => {
  it.each(valid.map((event) => [JSON.stringify(event).slice(0, 90), event]))('accepts what the server accepts: %s', (_, event) => {
    expect(batchEventSchema.safeParse(event).success).toBe(true)
    expect(validateEvent(event)).toEqual([])
  })

  it.each(invalid.map(([event, path]) => [path, event]))('refuses %s like the server', (path, event) => {
    expect(batchEventSchema.safeParse(event).success).toBe(false)
    expect(validateEvent(event).map((issue) => issue.path)).toContain(path)
  })

  it('refuses an unknown type', () => {
    expect(validateEvent({ type: 'page' })).toEqual([{ path: 'type', message: 'Must be identify, purchase, refund or track' }])
    expect(validateEvent({ type: 'toString' })).toEqual([{ path: 'type', message: 'Must be identify, purchase, refund or track' }])
  })
})
