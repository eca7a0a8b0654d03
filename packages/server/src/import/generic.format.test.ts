import { describe, expect, it } from 'vitest'
import { validateBatchEntry } from '../ingest/validate-event.js'
import { parseColumnMap, resolveColumns } from './column-map.js'
import { genericFormat } from './generic.format.js'
import { mapRows } from './mapper-harness.test-support.js'

const HEADER = ['order_id', 'customer_id', 'ordered_at', 'product_id', 'product_name', 'quantity', 'unit_price', 'email', 'name', 'country', 'channel', 'source']

describe('generic format', () => {
  it('groups one row per line into an order, computes the total, reads local times in the project zone', () => {
    const { documents, rejected } = mapRows(
      genericFormat,
      HEADER,
      [
        ['A-1', 'u1', '2024-07-01 10:00', 'mug', 'Mug', '2', '24.95', 'ann@example.com', 'Ann', 'Germany', 'web', 'newsletter'],
        ['A-1', 'u1', '2024-07-01 10:00', 'tee', 'T-shirt', '', '0.125', 'ann@example.com', 'Ann', 'Germany', 'web', 'newsletter'],
        ['A-2', 'u1', '2024-07-02T09:00:00+02:00', 'mug', 'Mug', '1', '24.95', 'ann@example.com', 'Ann', 'Germany', 'web', ''],
      ],
      { timezone: 'Europe/Berlin', currency: 'EUR' },
    )
    expect(rejected).toEqual([])
    expect(documents.map((document) => document.kind)).toEqual(['customer', 'order', 'order'])
    expect(documents[0]?.event).toMatchObject({ type: 'identify', customerId: 'u1', email: 'ann@example.com', name: 'Ann', traits: { country: 'Germany' } })
    expect(documents[1]?.event).toMatchObject({
      type: 'purchase',
      orderId: 'A-1',
      customerId: 'u1',
      // 2 × 24.95 + 1 × 0.125 = 50.025 → 50.03 (half up)
      amount: '50.03',
      currency: 'EUR',
      status: 'completed',
      channel: 'web',
      source: 'newsletter',
      country: 'Germany',
      occurredAt: '2024-07-01T08:00:00.000Z',
      items: [
        { productId: 'mug', name: 'Mug', quantity: 2, unitPrice: '24.95' },
        { productId: 'tee', name: 'T-shirt', quantity: 1, unitPrice: '0.125' },
      ],
    })
    expect(documents[2]?.event).toMatchObject({ orderId: 'A-2', occurredAt: '2024-07-02T07:00:00.000Z', amount: '24.95' })
    for (const document of documents) expect(validateBatchEntry(document.event, new Date(), 0).ok).toBe(true)
  })

  it('takes one row per order with an amount, renamed columns, currency and status', () => {
    const header = ['Invoice', 'Client', 'Date', 'Total', 'Currency', 'State']
    const map = parseColumnMap('order_id=Invoice,customer_id=Client,ordered_at=Date,amount=Total,currency=Currency,status=State', genericFormat)
    const { documents, rejected } = mapRows(
      genericFormat,
      header,
      [
        ['1001', 'c-9', '2024-01-15T10:00:00Z', '1200', 'jpy', 'completed'],
        ['1002', '', '2024-01-15T11:00:00Z', '9.90', '', 'REFUNDED'],
      ],
      { map, currency: 'USD' },
    )
    expect(rejected).toEqual([])
    expect(documents.map((document) => document.event)).toMatchObject([
      { type: 'identify', customerId: 'c-9' },
      { type: 'purchase', orderId: '1001', amount: '1200', currency: 'JPY', status: 'completed', occurredAt: '2024-01-15T10:00:00.000Z' },
      { type: 'purchase', orderId: '1002', amount: '9.90', currency: 'USD', status: 'refunded' },
    ])
    expect(documents[1]?.event.items).toBeUndefined()
  })

  it('identifies a customer again only when the profile changes', () => {
    const { documents } = mapRows(genericFormat, ['order_id', 'customer_id', 'ordered_at', 'amount', 'email'], [
      ['1', 'u1', '2024-01-01', '1.00', 'a@example.com'],
      ['2', 'u1', '2024-01-02', '1.00', 'a@example.com'],
      ['3', 'u1', '2024-01-03', '1.00', 'b@example.com'],
    ])
    expect(documents.map((document) => document.kind)).toEqual(['customer', 'order', 'order', 'customer', 'order'])
  })

  it('rejects rows it cannot read, with their lines, and whole orders with them', () => {
    const { documents, rejected } = mapRows(genericFormat, ['order_id', 'ordered_at', 'product_id', 'quantity', 'unit_price', 'status', 'currency'], [
      ['1', 'yesterday', 'p', '1', '1.00', '', ''],
      ['2', '2024-01-01', 'p', '-1', '1.00', '', ''],
      ['2', '2024-01-01', 'q', '1', '1.00', '', ''],
      ['3', '2024-01-01', 'p', '1', '1.00', 'lost', ''],
      ['4', '2024-01-01', '', '', '', '', ''],
      ['5', '2024-01-01', 'p', '1', '1.00', '', 'EURO'],
      ['', '2024-01-01', 'p', '1', '1.00', '', ''],
    ])
    expect(documents).toEqual([])
    expect(rejected.sort((a, b) => a.line - b.line)).toEqual([
      { line: 2, reason: 'ordered_at "yesterday" is not an ISO 8601 date-time (with an offset, or local to Europe/London)' },
      { line: 3, reason: 'quantity "-1" is not a positive whole number' },
      { line: 4, reason: 'Order 2 is not imported: its line 3 is invalid' },
      { line: 5, reason: 'status "lost" is not completed or refunded' },
      { line: 6, reason: 'Order 4 has no amount, and this row has no product_id and unit_price to compute it from' },
      { line: 7, reason: 'currency "EURO" is not an ISO 4217 code' },
      { line: 8, reason: 'order_id is empty' },
    ])
  })

  it('names missing columns, and refuses a map to a column the format does not have', () => {
    expect(() => resolveColumns(['id', 'date'], genericFormat, new Map())).toThrowError(/missing "order_id", "ordered_at"/)
    expect(() => resolveColumns(['order_id', 'ordered_at'], genericFormat, new Map())).toThrowError(/header is not that of a generic CSV file/)
    expect(() => parseColumnMap('ordered=Date', genericFormat)).toThrowError(/column map is not valid/)
    expect(() => parseColumnMap('order_id', genericFormat)).toThrowError(/column map is not valid/)
    // Case and spaces around header names do not matter.
    expect(resolveColumns([' Order_ID ', 'ORDERED_AT', 'Amount'], genericFormat, new Map()).get('amount')).toBe(2)
  })
})
