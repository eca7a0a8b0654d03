import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createIngestClient } from './create-ingest-client.js'
import type { RapportError } from './errors.js'
import { HOST, mockBatchServer } from './test/batch-server.js'
import { FakeStorage } from './test/fake-storage.js'
import { HttpResponse } from 'msw'

const mock = mockBatchServer()
let errors: RapportError[] = []
let page: EventTarget & { visibilityState: string }

/** A page: `window` and `document` as event targets (what the SDK listens to). */
function openPage() {
  vi.stubGlobal('window', new EventTarget())
  page = Object.assign(new EventTarget(), { visibilityState: 'visible' })
  vi.stubGlobal('document', page)
}

function client(storage: FakeStorage, options: { flushAt?: number } = {}) {
  return createIngestClient({ apiKey: 'rk_pub_test', host: HOST, storage, onError: (error) => errors.push(error), ...options })
}

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => mock.server.close())
beforeEach(() => {
  errors = []
  openPage()
})
afterEach(() => {
  vi.unstubAllGlobals()
  mock.reset()
})

describe('in a browser', () => {
  it('persists the queue, sends it with keepalive on pagehide, and a reloaded page sends what failed', async () => {
    const storage = new FakeStorage()
    const first = client(storage, { flushAt: 100 })
    for (let i = 0; i < 3; i++) first.track('user-1', `step-${i}`)
    await Promise.resolve()
    expect(storage.storedEventIds()).toHaveLength(3)

    mock.answer(() => new HttpResponse(null, { status: 503 }))
    window.dispatchEvent(new Event('pagehide'))
    await vi.waitFor(() => expect(mock.received).toHaveLength(1))
    expect(mock.received[0]?.keepalive).toBe(true)
    const ids = mock.ids()
    await vi.waitFor(() => expect(storage.storedEventIds()).toEqual(ids))

    // Reload: a new page on the same storage adopts the closed tab's queue.
    mock.reset()
    openPage()
    const second = client(storage)
    // The claim settles after 50 ms; then the events are in the new page's queue.
    await new Promise((resolve) => setTimeout(resolve, 100))
    await second.flush()
    expect(mock.ids()).toEqual(ids)
    expect(storage.storedEventIds()).toEqual([])
    expect(errors).toEqual([])
  })

  it('sends at most 64 KB with keepalive when the page is hidden; the rest stays persisted', async () => {
    const storage = new FakeStorage()
    const crm = client(storage, { flushAt: 500 })
    for (let i = 0; i < 200; i++) crm.track('user-1', 'viewed', { text: 'x'.repeat(1_000) })
    page.visibilityState = 'hidden'
    page.dispatchEvent(new Event('visibilitychange'))
    await vi.waitFor(() => expect(mock.received).toHaveLength(1))
    const [batch] = mock.received
    expect(batch?.keepalive).toBe(true)
    expect(batch?.bytes).toBeLessThanOrEqual(64 * 1024)
    await vi.waitFor(() => expect(storage.storedEventIds()).toHaveLength(200 - (batch?.events.length ?? 0)))
    await crm.shutdown()
  })

  it('does not adopt the queue of a tab that is still open', async () => {
    const storage = new FakeStorage()
    const first = client(storage, { flushAt: 100 })
    first.track('user-1', 'a')
    await Promise.resolve()
    const second = client(storage)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await second.flush()
    expect(mock.received).toHaveLength(0)
    await first.flush()
    expect(mock.ids()).toHaveLength(1)
  })

  it('two tabs racing for a closed queue send each event once', async () => {
    const storage = new FakeStorage()
    const closing = client(storage, { flushAt: 100 })
    for (let i = 0; i < 4; i++) closing.track('user-1', `step-${i}`)
    mock.answer(() => HttpResponse.error())
    window.dispatchEvent(new Event('pagehide'))
    await vi.waitFor(() => expect(mock.received).toHaveLength(1))
    await vi.waitFor(() => expect(storage.storedEventIds()).toHaveLength(4))
    mock.reset()
    const tabA = client(storage)
    const tabB = client(storage)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await Promise.all([tabA.flush(), tabB.flush()])
    expect(mock.ids()).toHaveLength(4)
    expect(new Set(mock.ids()).size).toBe(4)
  })
})
