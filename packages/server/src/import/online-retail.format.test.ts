import { describe, expect, it } from 'vitest'
import { validateBatchEntry } from '../ingest/validate-event.js'
import { importEventId } from './event-id.js'
import { mapRows } from './mapper-harness.test-support.js'
import { createOnlineRetailMapper, onlineRetailFormat } from './online-retail.format.js'

const HEADER = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']
const map = (rows: string[][], windowSize?: number) =>
  mapRows(onlineRetailFormat, HEADER, rows, windowSize === undefined ? {} : { create: (context) => createOnlineRetailMapper(context, windowSize) })

describe('online-retail format', () => {
  it('makes an invoice one purchase: items, exact total, UK time to UTC, a first identify before it', () => {
    const { documents, groups, rejected } = map([
      ['536365', '85123A', ' WHITE HANGING HEART T-LIGHT HOLDER ', '6', '2011-06-01 08:26', '2.55', '17850', 'United Kingdom'],
      ['536365', '71053', 'WHITE METAL LANTERN', '6', '2011-06-01 08:27', '3.39', '17850', 'United Kingdom'],
      ['536366', '22633', '', '6', '2011-06-01 08:28', '1.85', '17850', 'United Kingdom'],
    ])
    expect(rejected).toEqual([])
    expect(groups.map((group) => group.map((document) => document.kind))).toEqual([['customer', 'order'], ['order']])
    const [identify, purchase, second] = documents
    expect(identify?.event).toMatchObject({ type: 'identify', customerId: '17850', traits: { country: 'United Kingdom' }, occurredAt: '2011-06-01T07:26:00.000Z' })
    expect(purchase?.lines).toEqual([2, 3])
    expect(purchase?.event).toMatchObject({
      type: 'purchase',
      orderId: '536365',
      customerId: '17850',
      amount: '35.64',
      currency: 'GBP',
      country: 'United Kingdom',
      // The earliest of the invoice's two minutes, BST → UTC.
      occurredAt: '2011-06-01T07:26:00.000Z',
      items: [
        { productId: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, unitPrice: '2.55' },
        { productId: '71053', name: 'WHITE METAL LANTERN', quantity: 6, unitPrice: '3.39' },
      ],
    })
    expect(second?.event.items).toEqual([{ productId: '22633', quantity: 6, unitPrice: '1.85' }])
    for (const document of documents) expect(validateBatchEntry(document.event, new Date(), 0).ok).toBe(true)
  })

  it('makes a C… invoice a refund of the returned lines, with positive quantities', () => {
    const { documents } = map([
      ['C536379', 'D', 'Discount', '-1', '2010-12-01 09:41', '27.5', '14527', 'United Kingdom'],
      ['C536379', '22556', 'PLASTERS IN TIN', '-12', '2010-12-01 09:41', '1.65', '14527', 'United Kingdom'],
    ])
    expect(documents.map((document) => document.kind)).toEqual(['customer', 'refund'])
    expect(documents[1]?.event).toMatchObject({
      type: 'refund',
      refundId: 'C536379',
      customerId: '14527',
      amount: '47.30',
      currency: 'GBP',
      occurredAt: '2010-12-01T09:41:00.000Z',
      items: [
        { productId: 'D', name: 'Discount', quantity: 1, unitPrice: '27.5' },
        { productId: '22556', name: 'PLASTERS IN TIN', quantity: 12, unitPrice: '1.65' },
      ],
    })
    expect(documents[1]?.event).not.toHaveProperty('orderId')
  })

  it('keeps guest invoices (no CustomerID) as purchases without a customer, and no identify', () => {
    const { documents } = map([['536414', '22139', 'RETROSPOT TEA SET', '56', '2010-12-01 11:52', '0', '', 'United Kingdom']])
    expect(documents).toHaveLength(1)
    expect(documents[0]?.event).toMatchObject({ type: 'purchase', amount: '0.00' })
    expect(documents[0]?.event.customerId).toBeUndefined()
  })

  it('skips and counts bad-debt adjustments (A…) and stock adjustments; an invoice left empty makes nothing', () => {
    const { documents, skipped, rejected } = map([
      ['A563185', 'B', 'Adjust bad debt', '1', '2011-08-12 14:50', '11062.06', '', 'United Kingdom'],
      ['A563186', 'B', 'Adjust bad debt', '1', '2011-08-12 14:51', '-11062.06', '', 'United Kingdom'],
      ['536589', '21777', '', '-10', '2010-12-01 16:50', '0', '', 'United Kingdom'],
      ['536590', '21778', 'damaged', '-3', '2010-12-01 16:51', '0.00', '', 'United Kingdom'],
    ])
    expect(documents).toEqual([])
    expect(rejected).toEqual([])
    expect(skipped).toEqual([
      { reason: 'bad_debt_adjustment', line: 2 },
      { reason: 'bad_debt_adjustment', line: 3 },
      { reason: 'stock_adjustment', line: 4 },
      { reason: 'stock_adjustment', line: 5 },
    ])
  })

  it('groups an invoice split by another one (as 542806 is) while its lines stay within the window', () => {
    const rows = [
      ['542806', 'A1', 'a', '1', '2011-02-01 10:00', '1.00', '', 'United Kingdom'],
      ['542807', 'B1', 'b', '1', '2011-02-01 10:01', '2.00', '', 'United Kingdom'],
      ['542807', 'B2', 'b', '1', '2011-02-01 10:01', '2.00', '', 'United Kingdom'],
      ['542806', 'A2', 'a', '2', '2011-02-01 10:00', '1.00', '', 'United Kingdom'],
    ]
    const { documents, rejected } = map(rows, 3)
    expect(rejected).toEqual([])
    expect(documents.map((document) => [document.event.orderId, document.lines])).toEqual([
      ['542807', [3, 4]],
      ['542806', [2, 5]],
    ])
    expect(documents[1]?.event.amount).toBe('3.00')
  })

  it('rejects lines of an invoice that come back after it was imported, naming their line', () => {
    const filler = (n: number) => ['600000', `F${n}`, 'f', '1', '2011-02-01 11:00', '1.00', '', 'United Kingdom']
    const { documents, rejected } = map(
      [['542806', 'A1', 'a', '1', '2011-02-01 10:00', '1.00', '', 'United Kingdom'], filler(1), filler(2), filler(3), ['542806', 'A2', 'a', '1', '2011-02-01 10:00', '1.00', '', 'United Kingdom']],
      2,
    )
    expect(documents.map((document) => document.event.orderId)).toEqual(['542806', '600000'])
    expect(rejected).toEqual([{ line: 6, reason: 'Invoice 542806 was already imported: its lines are more than 2 rows apart' }])
  })

  it('rejects an invoice with an invalid line as a whole, with each line number and the reason', () => {
    const { documents, rejected } = map([
      ['536365', '85123A', 'HOLDER', '6', '2010-12-01 08:26', '2.55', '17850', 'United Kingdom'],
      ['536365', '71053', 'LANTERN', 'six', '2010-12-01 08:26', '3.39', '17850', 'United Kingdom'],
      ['536366', '22633', 'HAND WARMER', '6', '2010-12-01 08:28', '1.855555', '17850', 'United Kingdom'],
      ['536367', '84879', 'BIRD', '32', '2010-13-01 08:34', '1.69', '13047', 'United Kingdom'],
      ['536368', '22960', 'JAM', '6', '2010-12-01 08:34', '4.25', '13047', 'France'],
      ['536368', '22913', 'JAM', '3', '2010-12-01 08:34', '4.95', '13048', 'France'],
      ['536369', '22914', 'JAM', '-3', '2010-12-01 08:34', '4.95', '13048', 'France'],
      ['', '22914', 'JAM', '3', '2010-12-01 08:34', '4.95', '13048', 'France'],
    ])
    expect(documents).toEqual([])
    expect(rejected.sort((a, b) => a.line - b.line)).toEqual([
      { line: 2, reason: 'Invoice 536365 is not imported: its line 3 is invalid' },
      { line: 3, reason: 'Quantity "six" is not a whole number' },
      { line: 4, reason: 'UnitPrice "1.855555" is not a non-negative amount with at most 4 decimals' },
      { line: 5, reason: 'InvoiceDate "2010-13-01 08:34" is not a date and time (YYYY-MM-DD HH:MM)' },
      { line: 6, reason: 'Invoice 536368 is not imported: its line 7 is invalid' },
      { line: 7, reason: 'CustomerID or Country differs from line 6 of invoice 536368' },
      { line: 8, reason: 'Quantity -3 is negative on invoice 536369, which is not a cancellation (C…), at a price that is not 0' },
      { line: 9, reason: 'InvoiceNo is empty' },
    ])
  })

  it('gives the same event ids for the same content and new ones when an invoice changes', () => {
    const row = ['536365', '85123A', 'HOLDER', '6', '2010-12-01 08:26', '2.55', '', 'United Kingdom']
    const first = map([row]).documents[0]?.event
    expect(map([row]).documents[0]?.event.eventId).toBe(first?.eventId)
    const { eventId: _id, ...content } = first ?? { eventId: '' }
    expect(first?.eventId).toBe(importEventId('online-retail', 'purchase:536365', content))
    expect(map([[...row.slice(0, 3), '7', ...row.slice(4)]]).documents[0]?.event.eventId).not.toBe(first?.eventId)
  })
})
