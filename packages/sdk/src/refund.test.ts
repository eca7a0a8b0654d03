import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createCRM } from './create-crm.js'
import { isValidationError, type RapportError } from './errors.js'
import { HOST, mockBatchServer } from './test/batch-server.js'
import type { RefundInput } from './types.js'

const mock = mockBatchServer()
let errors: RapportError[] = []
const client = () => createCRM({ apiKey: 'rk_pub_test', host: HOST, onError: (error) => errors.push(error) })

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => mock.server.close())
afterEach(() => {
  errors = []
  mock.reset()
})

describe('crm.refund', () => {
  it('returns at once and sends a refund event with its own id and time, in call order', async () => {
    const crm = client()
    crm.purchase({ orderId: 'A-1001', customerId: 'user-42', amount: '49.90', currency: 'EUR', country: 'Germany' })
    const returned = crm.refund({
      refundId: 'R-17',
      orderId: 'A-1001',
      amount: '24.95',
      currency: 'EUR',
      items: [{ productId: 'mug', quantity: 1, unitPrice: '24.95' }],
      reason: 'damaged',
      country: 'Germany',
    })
    expect(returned).toBeUndefined()
    expect(mock.received).toHaveLength(0)
    await crm.flush()
    expect(errors).toEqual([])
    const [purchase, refund] = mock.received[0]?.events ?? []
    expect(purchase).toMatchObject({ type: 'purchase', country: 'Germany' })
    expect(refund).toEqual({
      type: 'refund',
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      refundId: 'R-17',
      orderId: 'A-1001',
      amount: '24.95',
      currency: 'EUR',
      items: [{ productId: 'mug', quantity: 1, unitPrice: '24.95' }],
      reason: 'damaged',
      country: 'Germany',
    })
  })

  it('keeps a given eventId and turns a Date occurredAt into ISO text', async () => {
    const crm = client()
    const eventId = '0b7a1c1e-6a2f-4c1e-9a57-3f0f8b1f6b10'
    crm.refund({ eventId, refundId: 'R-1', amount: 5, currency: 'JPY', occurredAt: new Date('2025-03-01T10:00:00Z') })
    await crm.flush()
    expect(mock.received[0]?.events[0]).toMatchObject({ eventId, occurredAt: '2025-03-01T10:00:00.000Z', amount: 5 })
  })

  it('reports an invalid refund through onError, never throws, never queues it', async () => {
    const crm = client()
    expect(() => {
      crm.refund({ orderId: 'A-1', amount: '10.00', currency: 'EUR' } as RefundInput)
      crm.refund({ refundId: 'R-2', amount: '10.5', currency: 'JPY' })
      crm.refund({ refundId: 'R-3', amount: '1', currency: 'EUR', status: 'refunded' } as unknown as RefundInput)
      crm.refund({ refundId: 'R-4', amount: '1', currency: 'EUR', items: [{ productId: 'mug', quantity: -1 }] })
      crm.refund(undefined as unknown as RefundInput)
    }).not.toThrow()
    await crm.flush()
    expect(mock.received).toHaveLength(0)
    expect(errors.every((error) => isValidationError(error) && error.eventType === 'refund' && error.source === 'client')).toBe(true)
    expect(errors.map((error) => (isValidationError(error) ? error.issues.map((issue) => issue.path) : []))).toEqual([
      ['refundId'],
      ['amount'],
      ['status'],
      ['items.0.quantity'],
      ['refundId', 'amount', 'currency'],
    ])
    expect(errors[1]?.message).toBe('Invalid refund: amount At most 0 decimals')
  })

  it('refuses, before queueing, an event too large for any batch (512 KB)', async () => {
    const crm = client()
    const items = Array.from({ length: 2_000 }, (_, index) => ({ productId: `sku-${index}`, name: 'n'.repeat(300) }))
    crm.refund({ refundId: 'R-big', amount: '1.00', currency: 'EUR', items })
    await crm.flush()
    expect(mock.received).toHaveLength(0)
    expect(errors.map((error) => isValidationError(error) && [error.eventType, error.issues])).toEqual([['refund', [{ path: '', message: 'Too large for a batch' }]]])
  })
})
