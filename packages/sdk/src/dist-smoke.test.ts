import { createRequire } from 'node:module'
import { HttpResponse, http } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as Index from './index.js'
import type * as Ingest from './ingest.js'
import { HOST, mockBatchServer } from './test/batch-server.js'
import { FakeStorage } from './test/fake-storage.js'

// The built files, not the source: the published build shortens internal
// property names (tsup.config.ts), so it is run end to end here, through
// `import` and `require` (run after `build`, as `turbo run test` does).
const esm = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof Index
const ingest = (await import(new URL('../dist/ingest.js', import.meta.url).href)) as typeof Ingest
const cjs = createRequire(import.meta.url)('../dist/index.cjs') as typeof Index

const mock = mockBatchServer()
const trpcCalls: string[] = []
const answer = (data: unknown) => HttpResponse.json({ result: { data } })
mock.server.use(
  http.get(`${HOST}/trpc/:path`, ({ params }) => {
    trpcCalls.push(String(params.path))
    return answer({ procedure: params.path })
  }),
)

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  vi.unstubAllGlobals()
  mock.reset()
  trpcCalls.length = 0
})
afterAll(() => mock.server.close())

describe('the built package', () => {
  it('ingest (ESM) in a page: persists, sends with keepalive on pagehide, and a reload sends what failed', async () => {
    vi.stubGlobal('window', new EventTarget())
    vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }))
    const errors: unknown[] = []
    const storage = new FakeStorage()
    const first = ingest.createIngestClient({ apiKey: 'rk_pub_test', host: HOST, storage, flushAt: 100, onError: (error) => errors.push(error) })
    first.identify('user-1', { email: 'ann@example.com', plan: 'pro' })
    first.purchase({ orderId: 'A-1', customerId: 'user-1', amount: '49.90', currency: 'EUR', country: 'Germany' })
    first.refund({ refundId: 'R-1', orderId: 'A-1', amount: '19.90', currency: 'EUR' })
    first.track('user-1', 'viewed')
    await Promise.resolve()
    expect(storage.storedEventIds()).toHaveLength(4)

    mock.answer(() => new HttpResponse(null, { status: 503 }))
    window.dispatchEvent(new Event('pagehide'))
    await vi.waitFor(() => expect(mock.received).toHaveLength(1))
    expect(mock.received[0]?.keepalive).toBe(true)
    const ids = mock.ids()
    await vi.waitFor(() => expect(storage.storedEventIds()).toEqual(ids))

    mock.reset()
    vi.stubGlobal('window', new EventTarget())
    const second = ingest.createIngestClient({ apiKey: 'rk_pub_test', host: HOST, storage, onError: (error) => errors.push(error) })
    await new Promise((resolve) => setTimeout(resolve, 100))
    await second.flush()
    expect(mock.ids()).toEqual(ids)
    expect(mock.received[0]?.events.map((event) => event.type)).toEqual(['identify', 'purchase', 'refund', 'track'])
    expect(storage.storedEventIds()).toEqual([])
    expect(errors).toEqual([])
    await Promise.all([first.shutdown(), second.shutdown()])
  })

  it('ingest (ESM): retries, halves a 413, reports rejections and invalid input', async () => {
    mock.answer((batch, attempt) => {
      if (attempt === 0) return new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } })
      if (batch.events.length > 1) return new HttpResponse(null, { status: 413 })
      if (batch.events[0]?.name === 'bad') {
        const rejected = [{ index: 0, code: 'validation_error', message: 'Refused', issues: [{ path: 'name', message: 'No' }] }]
        return HttpResponse.json({ accepted: 0, duplicates: 0, results: [], rejected })
      }
      return undefined
    })
    const errors: Ingest.RapportError[] = []
    const crm = ingest.createIngestClient({ apiKey: 'rk_pub_test', host: HOST, storage: false, onError: (error) => errors.push(error) })
    crm.track('user-1', 'good')
    crm.track('user-1', 'bad')
    crm.refund({ refundId: 'R-2', amount: '1.999', currency: 'EUR' })
    await crm.flush()
    expect(mock.received.map((batch) => batch.events.length)).toEqual([2, 2, 1, 1])
    expect(errors.map((error) => [error.name, ingest.isValidationError(error) && error.source])).toEqual([
      ['ValidationError', 'client'],
      ['ValidationError', 'server'],
    ])
    await crm.shutdown()
  })

  it.each([
    ['import', esm],
    ['require', cjs],
  ])('createCRM (%s): sends events and reads through the tRPC paths', async (_, sdk) => {
    const crm = sdk.createCRM({ apiKey: 'rk_sec_test', host: HOST, storage: false })
    crm.purchase({ orderId: 'A-1', amount: '10.00', currency: 'EUR' })
    await crm.flush()
    expect(mock.ids()).toHaveLength(1)
    const period = { from: '2025-01-01', to: '2025-02-01' }
    const results = await Promise.all([crm.insights.report(period), crm.insights.trends(period), crm.insights.segments(), crm.customers.list(), crm.customers.get('user-1')])
    expect(results).toEqual(['insights.report', 'insights.trends', 'insights.segments', 'customers.list', 'customers.get'].map((procedure) => ({ procedure })))
    expect(trpcCalls.sort()).toEqual(['customers.get', 'customers.list', 'insights.report', 'insights.segments', 'insights.trends'])
    await expect(sdk.createCRM({ apiKey: 'rk_pub_test', host: HOST }).insights.segments()).rejects.toSatisfy(sdk.isPermissionError)
    await crm.shutdown()
  })
})
