import { randomUUID } from 'node:crypto'
import type { BatchResult, CustomerDetail, CustomerPage, IngestResult } from '@rapport/shared'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, http } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

describe.each(testDialects())('ingestion on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>
  const v1 = (path: string) => `${server.url}/v1/${path}`

  beforeAll(async () => {
    server = await startTestServer(dialect)
    tenant = await createTenant(server.url)
  })
  afterAll(() => server?.stop())

  async function customer(id: string): Promise<CustomerDetail> {
    const response = await http<CustomerDetail>(v1(`customers/${encodeURIComponent(id)}`), { token: tenant.secretKey })
    expect(response.status).toBe(200)
    return response.body
  }

  async function projectTotals(projectId: string) {
    const row = await sql<{ events: bigint; purchases: bigint; revenue: bigint | null; customers: bigint; items: bigint; interactions: bigint }>`
      select
        (select count(*) from events where project_id = ${projectId}) as events,
        (select count(*) from purchases where project_id = ${projectId}) as purchases,
        (select sum(amount_minor)::bigint from purchases where project_id = ${projectId} and status = 'completed') as revenue,
        (select count(*) from customers where project_id = ${projectId}) as customers,
        (select count(*) from purchase_items where project_id = ${projectId}) as items,
        (select count(*) from interactions where project_id = ${projectId}) as interactions
    `.execute(server.db)
    return row.rows[0]
  }

  it('stores an identify and a purchase sent over plain HTTP, and shows them on the customer', async () => {
    const identify = await http<IngestResult>(v1('identify'), {
      token: tenant.publishableKey,
      body: { customerId: 'user-42', email: 'ann@example.com', name: 'Ann', traits: { plan: 'pro' } },
    })
    expect(identify.status).toBe(200)
    expect(identify.body.status).toBe('accepted')
    const purchase = await http<IngestResult>(v1('purchase'), {
      token: tenant.publishableKey,
      body: {
        orderId: 'A-1001',
        customerId: 'user-42',
        amount: '49.90',
        currency: 'GBP',
        items: [{ productId: 'sku-1', name: 'Mug', quantity: 2, unitPrice: '24.95' }],
        occurredAt: '2026-01-15T10:00:00Z',
      },
    })
    expect(purchase.status).toBe(200)

    const detail = await customer('user-42')
    expect(detail.customer).toMatchObject({ customerId: 'user-42', email: 'ann@example.com', name: 'Ann', traits: { plan: 'pro' } })
    expect(detail.customer.totals).toMatchObject({ orders: 1, netSpent: '49.90', currency: 'GBP', firstPurchaseAt: '2026-01-15T10:00:00.000Z' })
    expect(detail.purchases).toEqual([
      expect.objectContaining({
        orderId: 'A-1001',
        amount: '49.90',
        status: 'completed',
        items: [{ productId: 'sku-1', name: 'Mug', category: null, quantity: 2, unitPrice: '24.95' }],
      }),
    ])
    expect(detail.timeline[0]).toMatchObject({ kind: 'purchase', orderId: 'A-1001' })
  })

  it('leaves every count and sum unchanged when the same batch is sent twice', async () => {
    const own = await createTenant(server.url)
    const events = Array.from({ length: 120 }, (_, index) => {
      const customerId = `c-${index % 17}`
      switch (index % 3) {
        case 0:
          return { type: 'identify', eventId: randomUUID(), customerId, traits: { index } }
        case 1:
          return { type: 'purchase', eventId: randomUUID(), orderId: `o-${index}`, customerId, amount: `${index}.${index % 100}`.padEnd(4, '0'), currency: 'GBP', items: [{ productId: `p-${index % 5}`, unitPrice: '1.2345' }] }
        default:
          return { type: 'track', eventId: randomUUID(), customerId, name: 'email_opened', properties: { campaign: { id: index } } }
      }
    })
    const first = await http<BatchResult>(v1('batch'), { token: own.secretKey, body: { events } })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ accepted: 120, duplicates: 0, rejected: [] })
    const before = await projectTotals(own.projectId)
    const listBefore = await http<CustomerPage>(v1('customers?sort=totalSpent&limit=200'), { token: own.secretKey })

    const second = await http<BatchResult>(v1('batch'), { token: own.secretKey, body: { events } })
    expect(second.body).toMatchObject({ accepted: 0, duplicates: 120, rejected: [] })
    expect(await projectTotals(own.projectId)).toEqual(before)
    const listAfter = await http<CustomerPage>(v1('customers?sort=totalSpent&limit=200'), { token: own.secretKey })
    expect(listAfter.body.items.map((c) => c.totals)).toEqual(listBefore.body.items.map((c) => c.totals))
    expect(before).toMatchObject({ events: 120n, purchases: 40n, customers: 17n, items: 40n, interactions: 40n })
  })

  it('never counts an order twice, and a later event for it (refund) updates it', async () => {
    const own = await createTenant(server.url)
    const order = { orderId: 'R-1', customerId: 'bob', amount: '100.00', currency: 'GBP', occurredAt: '2026-02-01T09:00:00Z' }
    await http(v1('purchase'), { token: own.secretKey, body: order })
    await http(v1('purchase'), { token: own.secretKey, body: order })
    let detail = (await http<CustomerDetail>(v1('customers/bob'), { token: own.secretKey })).body
    expect(detail.customer.totals).toMatchObject({ orders: 1, netSpent: '100.00' })

    await http(v1('purchase'), { token: own.secretKey, body: { ...order, status: 'refunded', occurredAt: '2026-02-03T09:00:00Z' } })
    detail = (await http<CustomerDetail>(v1('customers/bob'), { token: own.secretKey })).body
    expect(detail.customer.totals).toMatchObject({ orders: 0, refundedOrders: 1, netSpent: '0.00' })
    expect(detail.purchases[0]).toMatchObject({ status: 'refunded', occurredAt: '2026-02-01T09:00:00.000Z', refundedAt: '2026-02-03T09:00:00.000Z' })
    expect(detail.timeline.map((entry) => entry.kind)).toEqual(['refund', 'purchase'])

    // An older event arriving late (a retry from a slow client) does not undo the refund.
    await http(v1('purchase'), { token: own.secretKey, body: { ...order, occurredAt: '2026-02-01T09:00:00Z', eventId: randomUUID() } })
    detail = (await http<CustomerDetail>(v1('customers/bob'), { token: own.secretKey })).body
    expect(detail.customer.totals).toMatchObject({ orders: 0, netSpent: '0.00' })
  })

  it('creates the customer of a purchase, merges identify traits, and keeps the newest profile', async () => {
    const own = await createTenant(server.url)
    await http(v1('purchase'), { token: own.secretKey, body: { orderId: 'N-1', customerId: 'new-1', amount: 5, currency: 'GBP' } })
    expect((await http<CustomerDetail>(v1('customers/new-1'), { token: own.secretKey })).body.customer.totals.netSpent).toBe('5.00')

    await http(v1('identify'), { token: own.secretKey, body: { customerId: 'new-1', name: 'Newer', traits: { plan: 'pro', seats: 3 }, occurredAt: '2026-03-02T00:00:00Z' } })
    await http(v1('identify'), { token: own.secretKey, body: { customerId: 'new-1', name: 'Older', email: 'n@example.com', traits: { plan: 'free', country: 'UK' }, occurredAt: '2026-03-01T00:00:00Z' } })
    const profile = (await http<CustomerDetail>(v1('customers/new-1'), { token: own.secretKey })).body.customer
    expect(profile.name).toBe('Newer')
    expect(profile.email).toBe('n@example.com')
    expect(profile.traits).toEqual({ plan: 'pro', seats: 3, country: 'UK' })
  })

  it('counts a guest checkout in stored revenue but creates no customer', async () => {
    const own = await createTenant(server.url)
    const response = await http<IngestResult>(v1('purchase'), { token: own.secretKey, body: { orderId: 'G-1', amount: '12.34', currency: 'GBP' } })
    expect(response.status).toBe(200)
    expect(await projectTotals(own.projectId)).toMatchObject({ purchases: 1n, revenue: 1234n, customers: 0n })
  })

  it('stores the valid events of a batch and reports each invalid one by index and field', async () => {
    const own = await createTenant(server.url)
    const response = await http<BatchResult>(v1('batch'), {
      token: own.publishableKey,
      body: {
        events: [
          { type: 'identify', customerId: 'ok-1' },
          { type: 'purchase', orderId: 'B-1', amount: '1.999', currency: 'GBP' },
          { type: 'teleport', customerId: 'x' },
          { type: 'track', customerId: 'ok-1', name: 'demo_requested' },
          { type: 'purchase', orderId: 'B-2', amount: '10', currency: 'EURO' },
          'not an event',
        ],
      },
    })
    expect(response.status).toBe(200)
    expect(response.body.accepted).toBe(2)
    expect(response.body.results.map((result) => result.index)).toEqual([0, 3])
    expect(response.body.rejected).toEqual([
      { index: 1, code: 'validation_error', message: 'The event is not valid', issues: [{ path: 'events.1.amount', message: 'GBP has 2 decimals; this amount has more' }] },
      { index: 2, code: 'validation_error', message: 'The event is not valid', issues: [{ path: 'events.2.type', message: 'Must be "identify", "purchase", "refund" or "track"' }] },
      { index: 4, code: 'validation_error', message: 'The event is not valid', issues: [{ path: 'events.4.currency', message: 'Must be an ISO 4217 currency code in upper case, e.g. EUR' }] },
      { index: 5, code: 'validation_error', message: 'The event is not valid', issues: [{ path: 'events.5', message: 'Each event must be an object' }] },
    ])
  })

  it('stores money exactly in the currency’s minor units (JPY has none, KWD has three)', async () => {
    const own = await createTenant(server.url)
    await http(v1('purchase'), { token: own.secretKey, body: { orderId: 'J-1', amount: '1500', currency: 'JPY' } })
    await http(v1('purchase'), { token: own.secretKey, body: { orderId: 'K-1', amount: '1.234', currency: 'KWD' } })
    const refused = await http<{ error: { issues: unknown[] } }>(v1('purchase'), { token: own.secretKey, body: { orderId: 'J-2', amount: '10.5', currency: 'JPY' } })
    expect(refused.status).toBe(400)
    expect(refused.body.error.issues).toEqual([{ path: 'amount', message: 'JPY has 0 decimals; this amount has more' }])
    const rows = await server.db.selectFrom('purchases').select(['order_id', 'amount_minor']).where('project_id', '=', own.projectId).orderBy('order_id').execute()
    expect(rows).toEqual([
      { order_id: 'J-1', amount_minor: 1500n },
      { order_id: 'K-1', amount_minor: 1234n },
    ])
  })

  it('answers bad requests with a 4xx, a code and the field path, never a 500', async () => {
    const cases: Array<{ name: string; path: string; options: Parameters<typeof http>[1]; status: number; code: string }> = [
      { name: 'malformed JSON', path: 'purchase', options: { token: tenant.secretKey, rawBody: '{"orderId":', headers: { 'content-type': 'application/json' } }, status: 400, code: 'invalid_json' },
      { name: 'not JSON', path: 'purchase', options: { token: tenant.secretKey, rawBody: 'orderId=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, status: 415, code: 'unsupported_media_type' },
      { name: 'no key', path: 'identify', options: { body: { customerId: 'x' } }, status: 401, code: 'unauthorized' },
      { name: 'unknown key', path: 'identify', options: { token: 'rk_sec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA00000000000000000000000000000000', body: { customerId: 'x' } }, status: 401, code: 'unauthorized' },
      { name: 'garbage token', path: 'identify', options: { token: 'not-a-token', body: { customerId: 'x' } }, status: 401, code: 'unauthorized' },
      { name: 'array body', path: 'identify', options: { token: tenant.secretKey, body: [1, 2] }, status: 400, code: 'validation_error' },
      { name: 'empty batch', path: 'batch', options: { token: tenant.secretKey, body: { events: [] } }, status: 400, code: 'validation_error' },
      { name: 'too many events', path: 'batch', options: { token: tenant.secretKey, body: { events: Array.from({ length: 501 }, () => ({ type: 'identify', customerId: 'x' })) } }, status: 400, code: 'validation_error' },
      { name: 'body over 512 KB', path: 'batch', options: { token: tenant.secretKey, body: { events: [{ type: 'identify', customerId: 'x', name: 'y'.repeat(600_000) }] } }, status: 413, code: 'payload_too_large' },
      { name: 'NUL in a name', path: 'identify', options: { token: tenant.secretKey, body: { customerId: 'x', name: 'a\u0000b' } }, status: 400, code: 'validation_error' },
      { name: '__proto__ trait', path: 'identify', options: { token: tenant.secretKey, rawBody: '{"customerId":"x","traits":{"__proto__":{"admin":true}}}', headers: { 'content-type': 'application/json' } }, status: 400, code: 'validation_error' },
      { name: 'year 9999', path: 'track', options: { token: tenant.secretKey, body: { customerId: 'x', name: 'y', occurredAt: '9999-01-01T00:00:00Z' } }, status: 400, code: 'validation_error' },
      { name: 'negative amount', path: 'purchase', options: { token: tenant.secretKey, body: { orderId: 'n', amount: -5, currency: 'GBP' } }, status: 400, code: 'validation_error' },
      { name: 'unknown field', path: 'identify', options: { token: tenant.secretKey, body: { customerId: 'x', emial: 'typo@example.com' } }, status: 400, code: 'validation_error' },
    ]
    const before = await projectTotals(tenant.projectId)
    for (const testCase of cases) {
      const response = await http<{ error: { code: string; message: string; issues: unknown[] } }>(v1(testCase.path), testCase.options)
      expect({ name: testCase.name, status: response.status, code: response.body.error?.code }).toEqual({
        name: testCase.name,
        status: testCase.status,
        code: testCase.code,
      })
      expect(typeof response.body.error.message).toBe('string')
    }
    expect(await projectTotals(tenant.projectId)).toEqual(before)
  })

  it('keeps stored strings byte for byte', async () => {
    const own = await createTenant(server.url)
    const name = "O'Brien; DROP TABLE customers;-- 👩🏽‍💻 مرحبا \u202Etxt 'é' \\ %_"
    await http(v1('identify'), { token: own.secretKey, body: { customerId: name, name, traits: { note: name } } })
    const fetched = (await http<CustomerDetail>(v1(`customers/${encodeURIComponent(name)}`), { token: own.secretKey })).body
    expect(fetched.customer.name).toBe(name)
    expect(fetched.customer.customerId).toBe(name)
    expect(fetched.customer.traits.note).toBe(name)
    const search = await http<CustomerPage>(v1(`customers?search=${encodeURIComponent('%_')}`), { token: own.secretKey })
    expect(search.body.items.map((c) => c.customerId)).toEqual([name])
  })
})
