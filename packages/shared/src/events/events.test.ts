import { describe, expect, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import { toApiIssues } from '../errors.js'
import { batchSchema } from './batch.js'
import { identifyEventSchema } from './identify.js'
import { purchaseEventSchema, type PurchaseEvent } from './purchase.js'
import { trackEventSchema } from './track.js'

function issues(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input)
  return result.success ? [] : toApiIssues(result.error.issues)
}

describe('identify', () => {
  it('accepts a profile with flat traits', () => {
    expect(issues(identifyEventSchema, { customerId: 'u-1', email: 'a@b.co', traits: { plan: 'pro', seats: 3, trial: false, note: null } })).toEqual([])
  })

  it.each([
    [{ customerId: '' }, 'customerId'],
    [{ customerId: 'x'.repeat(257) }, 'customerId'],
    [{ customerId: 'u', email: 'nope' }, 'email'],
    [{ customerId: 'u', traits: { nested: { a: 1 } } }, 'traits.nested'],
    [{ customerId: 'u', traits: { n: Number.NaN } }, 'traits.n'],
    [{ customerId: 'u', traits: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i])) }, 'traits'],
    [{ customerId: 'u', traits: { big: 'x'.repeat(3000) } }, 'traits.big'],
    [{ customerId: 'u', traits: JSON.parse('{"__proto__": 1}') }, 'traits.__proto__'],
    [{ customerId: 'u', traits: { constructor: 1 } }, 'traits.constructor'],
    [{ customerId: 'u', traits: [1, 2] }, 'traits'],
    [{ customerId: 'u\u0000' }, 'customerId'],
    [{ customerId: '\uD800' }, 'customerId'],
    [{ customerId: 'u', occurredAt: '2026-01-01' }, 'occurredAt'],
    [{ customerId: 'u', occurredAt: '1969-12-31T23:59:59Z' }, 'occurredAt'],
    [{ customerId: 'u', occurredAt: '9999-01-01T00:00:00Z' }, 'occurredAt'],
    [{ customerId: 'u', eventId: 'not-a-uuid' }, 'eventId'],
    [{ customerId: 'u', extra: 1 }, ''],
  ])('refuses %j at %s', (input, path) => {
    expect(issues(identifyEventSchema, input).map((issue) => issue.path)).toContain(path)
  })

  it('keeps emoji, RTL and quotes', () => {
    expect(issues(identifyEventSchema, { customerId: "O'Brien 👩🏽‍💻 مرحبا", name: '\u202Eabc' })).toEqual([])
  })
})

describe('purchase', () => {
  it('accepts an order and defaults status and quantity', () => {
    const parsed = purchaseEventSchema.parse({ orderId: 'A-1', amount: '49.90', currency: 'EUR', items: [{ productId: 'p', unitPrice: '2.5467' }] })
    expect(parsed.status).toBe('completed')
    expect(parsed.items?.[0]?.quantity).toBe(1)
  })

  it.each([
    [{ orderId: 'A', amount: '1.234', currency: 'EUR' }, 'amount', 'EUR has 2 decimals; this amount has more'],
    [{ orderId: 'A', amount: '1.5', currency: 'JPY' }, 'amount', 'JPY has 0 decimals; this amount has more'],
    [{ orderId: 'A', amount: '-1', currency: 'EUR' }, 'amount', 'Must be a non-negative decimal such as "49.90"'],
    [{ orderId: 'A', amount: '99999999999999', currency: 'EUR' }, 'amount', 'Amount is too large'],
    [{ orderId: 'A', amount: '1', currency: 'XXX' }, 'currency', 'Must be an ISO 4217 currency code in upper case, e.g. EUR'],
    [{ orderId: 'A', amount: '1', currency: 'EUR', status: 'pending' }, 'status', undefined],
    [{ orderId: 'A', amount: '1', currency: 'EUR', items: [{ productId: 'p', unitPrice: '1.23456' }] }, 'items.0.unitPrice', undefined],
    [{ orderId: 'A', amount: '1', currency: 'EUR', items: [{ productId: 'p', quantity: 0 }] }, 'items.0.quantity', undefined],
    [{ orderId: 'A', amount: '1', currency: 'EUR', items: [{ productId: 'p', quantity: 1.5 }] }, 'items.0.quantity', undefined],
  ])('refuses %j at %s', (input, path, message) => {
    const found = issues(purchaseEventSchema, input).find((issue) => issue.path === path)
    expect(found).toBeDefined()
    if (message) expect(found?.message).toBe(message)
  })

  it('infers exact types', () => {
    expectTypeOf<PurchaseEvent['status']>().toEqualTypeOf<'completed' | 'refunded'>()
    expectTypeOf<PurchaseEvent['amount']>().toEqualTypeOf<string | number>()
    expectTypeOf<PurchaseEvent['customerId']>().toEqualTypeOf<string | undefined>()
  })
})

describe('track and batch', () => {
  it('allows nested properties up to 5 levels and refuses deeper', () => {
    expect(issues(trackEventSchema, { customerId: 'u', name: 'x', properties: { a: { b: { c: { d: { e: 1 } } } } } })).toEqual([])
    let deep: Record<string, unknown> = { leaf: 1 }
    for (let i = 0; i < 10_000; i++) deep = { d: deep }
    expect(issues(trackEventSchema, { customerId: 'u', name: 'x', properties: deep })[0]?.message).toBe('Nested deeper than 5 levels')
  })

  it('validates a typed batch', () => {
    expect(
      issues(batchSchema, {
        events: [
          { type: 'identify', customerId: 'u' },
          { type: 'purchase', orderId: 'o', amount: 1, currency: 'EUR' },
          { type: 'track', customerId: 'u', name: 'n' },
        ],
      }),
    ).toEqual([])
    expect(issues(batchSchema, { events: [{ type: 'purchase', orderId: 'o', amount: '1.001', currency: 'EUR' }] })).toEqual([
      { path: 'events.0.amount', message: 'EUR has 2 decimals; this amount has more' },
    ])
  })
})
