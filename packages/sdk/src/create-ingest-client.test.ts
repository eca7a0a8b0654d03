import { HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCRM } from './create-crm.js'
import { type APIError, isAPIError, isDeliveryError, isQueueOverflowError, isValidationError, type RapportError } from './errors.js'
import type { CRMOptions } from './options.js'
import { HOST, mockBatchServer } from './test/batch-server.js'
import type { PurchaseInput } from './types.js'

const mock = mockBatchServer()
let errors: RapportError[] = []

function client(options: CRMOptions = {}) {
  return createCRM({ apiKey: 'rk_pub_test', host: HOST, onError: (error) => errors.push(error), ...options })
}

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => mock.server.close())
beforeEach(() => {
  errors = []
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
  mock.reset()
})

describe('batching', () => {
  it('sends when flushAt events are queued, with the key and the batch body', async () => {
    const crm = client({ flushAt: 3 })
    crm.identify('user-42', { email: 'ann@example.com', name: 'Ann', plan: 'pro' })
    crm.purchase({ customerId: 'user-42', orderId: 'A-1001', amount: '49.90', currency: 'EUR', items: [{ productId: 'sku-1', quantity: 2 }] })
    expect(mock.received).toHaveLength(0)
    crm.track('user-42', 'demo_requested', { source: 'pricing_page' })
    await vi.advanceTimersByTimeAsync(0)
    await crm.flush()
    expect(mock.received).toHaveLength(1)
    const [batch] = mock.received
    expect(batch?.headers.get('authorization')).toBe('Bearer rk_pub_test')
    expect(batch?.events.map((event) => event.type)).toEqual(['identify', 'purchase', 'track'])
    expect(batch?.events[0]).toMatchObject({ customerId: 'user-42', email: 'ann@example.com', name: 'Ann', traits: { plan: 'pro' } })
    for (const event of batch?.events ?? []) {
      expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/)
      expect(Date.parse(String(event.occurredAt))).not.toBeNaN()
    }
    expect(errors).toEqual([])
  })

  it('sends after flushInterval when fewer than flushAt events wait', async () => {
    const crm = client({ flushInterval: 10_000 })
    crm.track('user-1', 'opened')
    await vi.advanceTimersByTimeAsync(9_999)
    expect(mock.received).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    await crm.flush()
    expect(mock.ids()).toHaveLength(1)
  })

  it('never puts more than 500 events in one request', async () => {
    const crm = client({ flushAt: 500, maxQueueSize: 5_000 })
    for (let i = 0; i < 1_200; i++) crm.track(`user-${i}`, 'seen')
    await crm.flush()
    expect(mock.received.map((batch) => batch.events.length)).toEqual([500, 500, 200])
  })

  it('splits by bytes so that no body passes 512 KB', async () => {
    const crm = client({ flushAt: 500 })
    const blob = 'é'.repeat(1_500) // 3 KB of UTF-8 per value
    for (let i = 0; i < 60; i++) crm.track(`user-${i}`, 'big', { a: blob, b: blob, c: blob, d: blob, e: blob })
    await crm.flush()
    expect(mock.received.length).toBeGreaterThan(1)
    for (const batch of mock.received) expect(batch.bytes).toBeLessThanOrEqual(512 * 1024)
    expect(mock.ids()).toHaveLength(60)
  })

  it('keeps order with one request in flight at a time', async () => {
    let inFlight = 0
    let most = 0
    mock.answer(async () => {
      most = Math.max(most, ++inFlight)
      await new Promise((resolve) => setImmediate(resolve))
      inFlight--
      return undefined
    })
    const crm = client({ flushAt: 7 })
    const sent: string[] = []
    for (let i = 0; i < 50; i++) crm.track('user-1', 'step', undefined, { eventId: crypto.randomUUID() })
    for (let i = 0; i < 50; i++) {
      const eventId = crypto.randomUUID()
      sent.push(eventId)
    }
    for (const eventId of sent) crm.track('user-1', 'step', undefined, { eventId })
    await crm.flush()
    expect(most).toBe(1)
    expect(mock.ids().slice(50)).toEqual(sent)
  })

  it('sends the same events once when flush is called twice at once', async () => {
    const crm = client()
    for (let i = 0; i < 5; i++) crm.track('user-1', 'step')
    await Promise.all([crm.flush(), crm.flush(), crm.flush()])
    expect(mock.ids()).toHaveLength(5)
    expect(new Set(mock.ids()).size).toBe(5)
  })
})

describe('retries', () => {
  it('retries 503 with the same event ids, after Retry-After', async () => {
    mock.answer((_batch, attempt) => (attempt === 0 ? new HttpResponse(null, { status: 503, headers: { 'Retry-After': '3' } }) : undefined))
    const crm = client()
    crm.track('user-1', 'a')
    crm.track('user-1', 'b')
    const flushed = crm.flush()
    await vi.advanceTimersByTimeAsync(2_999)
    expect(mock.received).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await flushed
    expect(mock.received).toHaveLength(2)
    expect(mock.received[1]?.events.map((event) => event.eventId)).toEqual(mock.received[0]?.events.map((event) => event.eventId))
    expect(errors).toEqual([])
  })

  it('retries network errors, 408, 429 and 500 with backoff', async () => {
    const failures = [HttpResponse.error(), new HttpResponse(null, { status: 408 }), new HttpResponse(null, { status: 429 }), new HttpResponse(null, { status: 500 })]
    mock.answer((_batch, attempt) => failures[attempt])
    const crm = client()
    crm.track('user-1', 'a')
    const flushed = crm.flush()
    // Ceilings 500 + 1000 + 2000 + 4000 ms: every retry has happened by then.
    await vi.advanceTimersByTimeAsync(7_500)
    await flushed
    expect(mock.received).toHaveLength(5)
    expect(new Set(mock.ids()).size).toBe(1)
    expect(errors).toEqual([])
  })

  it('does not retry a 400: reports it and drops the batch', async () => {
    mock.answer(() =>
      HttpResponse.json({ error: { code: 'validation_error', message: 'Bad', issues: [{ path: 'events', message: 'x' }] } }, { status: 400, headers: { 'X-Request-Id': 'req-1' } }),
    )
    const crm = client()
    crm.track('user-1', 'a')
    await crm.flush()
    expect(mock.received).toHaveLength(1)
    expect(errors).toHaveLength(1)
    const [error] = errors
    expect(isDeliveryError(error)).toBe(true)
    const cause = (error as Error).cause as APIError
    expect(isAPIError(cause)).toBe(true)
    expect(cause).toMatchObject({ status: 400, code: 'validation_error', requestId: 'req-1', issues: [{ path: 'events', message: 'x' }] })
  })

  it('gives up after maxRetries and reports the event ids', async () => {
    mock.answer(() => new HttpResponse(null, { status: 500 }))
    const crm = client({ maxRetries: 2 })
    crm.track('user-1', 'a')
    const flushed = crm.flush()
    await vi.advanceTimersByTimeAsync(5_000)
    await flushed
    expect(mock.received).toHaveLength(3)
    expect(errors).toHaveLength(1)
    expect(isDeliveryError(errors[0]) && errors[0].eventIds).toEqual(mock.ids().slice(0, 1))
  })

  it('halves a batch answered 413 and sends the halves in order', async () => {
    mock.answer((batch) => (batch.events.length > 2 ? new HttpResponse(null, { status: 413 }) : undefined))
    const crm = client()
    for (let i = 0; i < 8; i++) crm.track('user-1', `step-${i}`)
    await crm.flush()
    expect(mock.received.map((batch) => batch.events.length)).toEqual([8, 4, 2, 2, 4, 2, 2])
    const delivered = mock.received.filter((batch) => batch.events.length === 2).flatMap((batch) => batch.events.map((event) => event.name))
    expect(delivered).toEqual(['step-0', 'step-1', 'step-2', 'step-3', 'step-4', 'step-5', 'step-6', 'step-7'])
    expect(errors).toEqual([])
  })
})

describe('server verdicts', () => {
  it('reports each rejected event with the server code and field path, without retrying', async () => {
    mock.answer((batch) =>
      HttpResponse.json({
        accepted: 1,
        duplicates: 0,
        results: [{ index: 0, eventId: batch.events[0]?.eventId, status: 'accepted' }],
        rejected: [{ index: 1, code: 'validation_error', message: 'The event is not valid', issues: [{ path: 'events.1.currency', message: 'Unknown' }] }],
      }),
    )
    const crm = client()
    crm.track('user-1', 'fine')
    crm.purchase({ orderId: 'A-1', amount: '1.00', currency: 'XYZ' })
    await crm.flush()
    expect(mock.received).toHaveLength(1)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      name: 'ValidationError',
      code: 'validation_error',
      source: 'server',
      eventType: 'purchase',
      eventId: mock.ids()[1],
      issues: [{ path: 'events.1.currency', message: 'Unknown' }],
    })
  })
})

describe('queue bounds', () => {
  it('drops the oldest events past maxQueueSize and reports how many', async () => {
    const crm = client({ maxQueueSize: 5, flushAt: 100 })
    for (let i = 0; i < 8; i++) crm.track('user-1', `step-${i}`)
    await Promise.resolve()
    expect(errors).toHaveLength(1)
    expect(isQueueOverflowError(errors[0]) && errors[0].dropped).toBe(3)
    await crm.flush()
    expect(mock.received[0]?.events.map((event) => event.name)).toEqual(['step-3', 'step-4', 'step-5', 'step-6', 'step-7'])
  })
})

describe('invalid input', () => {
  it('never throws, never queues, and reports the field', async () => {
    const crm = client()
    expect(() => {
      crm.identify('', { email: 'not-an-email' })
      crm.purchase({ orderId: 'A-1', amount: '49.999', currency: 'EUR' })
      crm.purchase(null as unknown as PurchaseInput)
      crm.track('user-1', 'x', { big: 1n } as unknown as Record<string, number>)
      crm.identify('user-1', { nested: { a: 1 } } as unknown as Record<string, string>)
    }).not.toThrow()
    await crm.flush()
    expect(mock.received).toHaveLength(0)
    expect(errors.map((error) => error.code)).toEqual(Array(5).fill('validation_error'))
    expect(isValidationError(errors[0]) && errors[0].issues.map((issue) => issue.path)).toEqual(['customerId', 'email'])
    expect(isValidationError(errors[1]) && errors[1].issues).toEqual([{ path: 'amount', message: 'At most 2 decimals' }])
  })

  it('survives an onError that throws', async () => {
    const crm = client({
      onError: () => {
        throw new Error('boom')
      },
    })
    expect(() => crm.identify('')).not.toThrow()
    await crm.flush()
  })
})

describe('flush and shutdown', () => {
  it('flush waits for the batch in flight', async () => {
    let release: () => void = () => {}
    mock.answer(() => new Promise<undefined>((resolve) => (release = () => resolve(undefined))))
    const crm = client()
    crm.track('user-1', 'a')
    let done = false
    const flushed = crm.flush().then(() => {
      done = true
    })
    await vi.waitFor(() => expect(mock.received).toHaveLength(1))
    await vi.advanceTimersByTimeAsync(100)
    expect(done).toBe(false)
    release()
    await flushed
    expect(done).toBe(true)
  })

  it('shutdown gives up after its timeout and reports what was left', async () => {
    mock.answer(() => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '600' } }))
    const crm = client({ timeout: 2_000 })
    crm.track('user-1', 'a')
    let done = false
    const stopped = crm.shutdown({ timeout: 500 }).then(() => {
      done = true
    })
    // The timeout is floored at one request's timeout (2 s).
    await vi.advanceTimersByTimeAsync(1_000)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1_000)
    await stopped
    expect(isDeliveryError(errors[0]) && errors[0].eventIds).toHaveLength(1)
    crm.track('user-1', 'after')
    expect(errors[1]?.code).toBe('closed')
  })

  it('disabled: validates but sends nothing', async () => {
    const crm = client({ disabled: true })
    crm.track('user-1', 'a')
    crm.track('', 'b')
    await crm.flush()
    await crm.shutdown()
    expect(mock.received).toHaveLength(0)
    expect(errors).toHaveLength(1)
  })

  it('reports a missing apiKey once and sends nothing', async () => {
    const crm = createCRM({ apiKey: undefined, host: HOST, onError: (error) => errors.push(error) })
    crm.track('user-1', 'a')
    await crm.flush()
    expect(mock.received).toHaveLength(0)
    expect(errors.map((error) => error.code)).toEqual(['invalid_options'])
  })
})
