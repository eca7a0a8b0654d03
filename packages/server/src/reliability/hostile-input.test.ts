import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, type HttpResult, http, trpc } from '../test/http.js'
import { pick, seededRandom } from '../test/seeded-random.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

// Generated hostile input against every ingestion contract, over plain HTTP and tRPC: each answer
// is a success or a clear 4xx with a code (and, for validation errors, field paths), never a 500,
// and what was refused stored nothing. Seeded (no fast-check in the tree): a failure names its seed
// and case, and reruns identically.

const SEED = 20261121
const CASES = 240

const VALID: Record<string, Record<string, unknown>> = {
  identify: { customerId: 'fuzz-customer', email: 'fuzz@example.com', name: 'Fuzz', traits: { plan: 'pro', seats: 3 } },
  purchase: { orderId: 'fuzz-order', customerId: 'fuzz-customer', amount: '12.50', currency: 'GBP', items: [{ productId: 'p1', quantity: 1, unitPrice: '12.50' }] },
  refund: { refundId: 'fuzz-refund', orderId: 'fuzz-order', amount: '2.50', currency: 'GBP' },
  track: { customerId: 'fuzz-customer', name: 'clicked', properties: { button: 'buy', nested: { depth: 1 } } },
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

const HOSTILE: unknown[] = [
  null,
  true,
  0,
  -1,
  -0.01,
  1e308,
  Number.MAX_SAFE_INTEGER,
  '',
  ' ',
  'x'.repeat(10_000),
  'a\u0000b',
  '\u0007\u001b[31mred',
  '\u202Eevil\u202C',
  '👩🏽‍💻 مرحبا עברית',
  "O'Brien; DROP TABLE events;--",
  '%_\\',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '99999999999999999999999999999.99',
  '-12.50',
  '12.555555',
  'XXX',
  'gbp',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2025-02-30T00:00:00Z',
  'not a date',
  [],
  [1, 'two', null],
  {},
  nested(50),
  Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i])),
  { constructor: { prototype: { admin: true } } },
  { toString: 'x', valueOf: 1 },
]

const FIELDS = ['customerId', 'orderId', 'refundId', 'eventId', 'email', 'name', 'amount', 'currency', 'items', 'traits', 'properties', 'occurredAt', 'status', 'constructor', 'prototype']

/** A valid event of `type` with one to three fields replaced by hostile values. */
function hostileEvent(random: () => number, type: string): Record<string, unknown> {
  const event: Record<string, unknown> = { ...VALID[type] }
  const mutations = 1 + Math.floor(random() * 3)
  for (let i = 0; i < mutations; i++) event[pick(random, FIELDS)] = pick(random, HOSTILE)
  return event
}

/** Raw bodies no JSON parser should accept, or too large to read. */
const RAW_BODIES: Array<{ name: string; body: string }> = [
  { name: 'truncated', body: '{"customerId":' },
  { name: 'NaN literal', body: '{"customerId":"x","traits":{"n":NaN}}' },
  { name: 'Infinity literal', body: '{"orderId":"x","amount":Infinity,"currency":"GBP"}' },
  { name: 'trailing comma', body: '{"customerId":"x",}' },
  { name: 'single quotes', body: "{'customerId':'x'}" },
  { name: 'deep arrays', body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  { name: 'deep objects', body: `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}` },
  { name: '10 MB string', body: `{"customerId":"${'x'.repeat(10 * 1024 * 1024)}"}` },
  { name: 'lone surrogate', body: '{"customerId":"\\ud800"}' },
  { name: 'prototype keys', body: '{"customerId":"x","__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}' },
  { name: 'duplicate keys', body: '{"customerId":"a","customerId":"b","name":"\\u0000"}' },
  { name: 'empty', body: '' },
  { name: 'null', body: 'null' },
  { name: 'number', body: '42' },
]

type ErrorBody = { error?: { code?: string; message?: string; issues?: Array<{ path?: unknown; message?: unknown }> } }

/** A 2xx, or a 4xx with a code, a message and (for validation errors) string field paths. */
function expectClearAnswer(label: string, answer: HttpResult<ErrorBody>): void {
  expect(answer.status, `${label}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(500)
  if (answer.status < 400) return
  const error = answer.body.error
  expect(typeof error?.code, label).toBe('string')
  expect(typeof error?.message, label).toBe('string')
  if (error?.code === 'validation_error') {
    for (const issue of error.issues ?? []) expect(typeof issue.path, label).toBe('string')
  }
}

describe.each(testDialects())('hostile input on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>
  beforeAll(async () => {
    server = await startTestServer(dialect)
    tenant = await createTenant(server.url)
  })
  afterAll(() => server?.stop())

  async function storedEvents(): Promise<number> {
    const result = await sql<{ n: number }>`select count(*)::int as n from events where project_id = ${tenant.projectId}`.execute(server.db)
    return result.rows[0]?.n ?? 0
  }

  it(`answers ${CASES} generated hostile events (HTTP, one by one and in batches) with 2xx or a clear 4xx, and stores only what it accepted`, async () => {
    const random = seededRandom(SEED)
    const before = await storedEvents()
    let accepted = 0
    const statuses = new Map<number, number>()
    for (let n = 0; n < CASES; n++) {
      const type = pick(random, Object.keys(VALID))
      // Unique ids, so that every accepted event is a new row.
      const event = { ...hostileEvent(random, type) }
      if (typeof event.eventId !== 'string') event.eventId = undefined
      const label = `seed ${SEED} case ${n} ${type} ${JSON.stringify(event).slice(0, 200)}`
      if (n % 4 === 3) {
        const answer = await http<ErrorBody & { accepted?: number }>(`${server.url}/v1/batch`, { token: tenant.secretKey, body: { events: [{ type, ...event }, { type, ...hostileEvent(random, type) }] } })
        expectClearAnswer(label, answer)
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
        if (answer.status === 200) accepted += answer.body.accepted ?? 0
      } else {
        const answer = await http<ErrorBody & { status?: string }>(`${server.url}/v1/${type}`, { token: tenant.secretKey, body: event })
        expectClearAnswer(label, answer)
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
        if (answer.status === 200 && answer.body.status === 'accepted') accepted += 1
      }
    }
    // The generator really produced both outcomes.
    expect(statuses.get(400)).toBeGreaterThan(CASES / 4)
    expect(statuses.get(200)).toBeGreaterThan(0)
    expect(await storedEvents()).toBe(before + accepted)
    expect((await http(`${server.url}/ready`)).status).toBe(200)
  })

  it('answers the same generated events through the tRPC ingest procedures with 2xx or a clear 4xx', async () => {
    const random = seededRandom(SEED + 1)
    const before = await storedEvents()
    let accepted = 0
    for (let n = 0; n < CASES / 4; n++) {
      const type = pick(random, Object.keys(VALID))
      const event = hostileEvent(random, type)
      const answer = await trpc<{ status: string }>(server.url, `ingest.${type}`, event, { token: tenant.publishableKey })
      const label = `seed ${SEED + 1} case ${n} ingest.${type} ${JSON.stringify(event).slice(0, 200)}`
      expect(answer.status, `${label}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(500)
      if (answer.status >= 400) expect(typeof answer.body.error?.data.appCode, label).toBe('string')
      if (answer.body.result?.data.status === 'accepted') accepted++
    }
    expect(await storedEvents()).toBe(before + accepted)
  })

  it('refuses malformed, oversized and prototype-polluting raw bodies on every ingestion route and tRPC, storing nothing', async () => {
    const before = await storedEvents()
    for (const path of ['/v1/identify', '/v1/purchase', '/v1/refund', '/v1/track', '/v1/batch', '/trpc/ingest.identify', '/trpc/ingest.batch']) {
      for (const raw of RAW_BODIES) {
        const answer = await http<ErrorBody>(`${server.url}${path}`, { token: tenant.secretKey, rawBody: raw.body, headers: { 'content-type': 'application/json' } })
        const label = `${path} ${raw.name}`
        expect(answer.status, `${label}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeGreaterThanOrEqual(400)
        expect(answer.status, label).toBeLessThan(500)
        if (path.startsWith('/v1')) expectClearAnswer(label, answer)
      }
    }
    expect(await storedEvents()).toBe(before)
    // Nothing reached any object's prototype.
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })

  it('answers hostile read parameters with 200 or a clear 4xx', async () => {
    const random = seededRandom(SEED + 2)
    const values = ['', '0', '-1', '1e400', 'NaN', "'; drop table customers;--", '%', '\u0000', '0000-01-01', '9999-12-31', 'x'.repeat(5_000), '[]', '{}']
    const routes: Array<{ path: string; params: string[] }> = [
      { path: '/v1/customers', params: ['limit', 'cursor', 'search', 'sort', 'order', 'segment', 'projectId'] },
      { path: '/v1/insights/report', params: ['from', 'to', 'interval', 'compareTo', 'breakdownBy', 'limit'] },
      { path: '/v1/insights/trends', params: ['from', 'to', 'interval', 'limit'] },
      { path: '/v1/insights/segments', params: ['asOf', 'compareDays'] },
      { path: '/v1/insights/forecast', params: ['metric', 'interval', 'horizon'] },
    ]
    for (let n = 0; n < 60; n++) {
      const route = pick(random, routes)
      const query = new URLSearchParams({ from: '2025-01-01', to: '2025-02-01' })
      query.set(pick(random, route.params), pick(random, values))
      const answer = await http<ErrorBody>(`${server.url}${route.path}?${query}`, { token: tenant.secretKey })
      expectClearAnswer(`${route.path}?${query.toString().slice(0, 200)}`, answer)
    }
    const customer = await http<ErrorBody>(`${server.url}/v1/customers/${encodeURIComponent('x'.repeat(300))}`, { token: tenant.secretKey })
    expectClearAnswer('long customer id', customer)
  })
})
