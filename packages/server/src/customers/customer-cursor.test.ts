import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from './customer-cursor.js'

describe('customer cursors', () => {
  it('round-trip each sort value type', () => {
    const date = new Date('2026-01-02T03:04:05.678Z')
    expect(decodeCursor(encodeCursor('lastSeen', 'desc', date, 'c-1'), 'lastSeen', 'desc')).toEqual({ value: date, customerId: 'c-1' })
    expect(decodeCursor(encodeCursor('totalSpent', 'asc', 12345678901234n, 'c'), 'totalSpent', 'asc')).toEqual({ value: 12345678901234n, customerId: 'c' })
    expect(decodeCursor(encodeCursor('orders', 'desc', 7, 'c'), 'orders', 'desc')).toEqual({ value: 7, customerId: 'c' })
  })

  it('refuses a cursor from another sort, or garbage', () => {
    const cursor = encodeCursor('orders', 'desc', 7, 'c')
    expect(() => decodeCursor(cursor, 'totalSpent', 'desc')).toThrow('Invalid cursor')
    expect(() => decodeCursor(cursor, 'orders', 'asc')).toThrow('Invalid cursor')
    expect(() => decodeCursor('%%%', 'orders', 'desc')).toThrow('Invalid cursor')
    expect(() => decodeCursor(Buffer.from('["totalSpent","desc","1e5","c"]').toString('base64url'), 'totalSpent', 'desc')).toThrow('Invalid cursor')
  })
})
