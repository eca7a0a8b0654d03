import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { canonicalJson, importEventId } from './event-id.js'

describe('import event ids', () => {
  it('are UUIDs the contract accepts, with version 8 and the RFC variant', () => {
    const id = importEventId('online-retail', 'purchase:536365', { amount: '15.30' })
    expect(z.uuid().safeParse(id).success).toBe(true)
    expect(id[14]).toBe('8')
    expect(['8', '9', 'a', 'b']).toContain(id[19])
  })

  it('depend on the content, not on the order its keys were set in', () => {
    const a = importEventId('generic', 'purchase:1', { orderId: '1', items: [{ productId: 'x', quantity: 1 }], customerId: undefined })
    const b = importEventId('generic', 'purchase:1', { items: [{ quantity: 1, productId: 'x' }], orderId: '1' })
    expect(a).toBe(b)
    expect(importEventId('generic', 'purchase:1', { orderId: '1', items: [{ productId: 'x', quantity: 2 }] })).not.toBe(a)
    expect(importEventId('online-retail', 'purchase:1', { orderId: '1', items: [{ productId: 'x', quantity: 1 }] })).not.toBe(a)
    expect(importEventId('generic', 'refund:1', { orderId: '1', items: [{ productId: 'x', quantity: 1 }] })).not.toBe(a)
  })

  it('canonical JSON sorts keys at every level and leaves undefined out', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: null }], c: undefined } })).toBe('{"a":{"d":[{"y":null,"z":1}]},"b":1}')
    // Already sorted (the fast path) gives the same text.
    expect(canonicalJson({ a: { c: undefined, d: [{ y: null, z: 1 }] }, b: 1 })).toBe('{"a":{"d":[{"y":null,"z":1}]},"b":1}')
  })
})
