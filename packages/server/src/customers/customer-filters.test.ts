import type { CustomerDetail, CustomerPage } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, http } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

describe.each(testDialects())('customers.list filters and customers.get analytics on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>

  // Ten customers: customer i bought i times (10.00 each) with the last order on day i of
  // October 2026; even ones live in Germany. One guest order and one refund on top.
  beforeAll(async () => {
    server = await startTestServer(dialect)
    tenant = await createTenant(server.url)
    const events: unknown[] = []
    for (let i = 1; i <= 10; i++) {
      const id = `c${String(i).padStart(2, '0')}`
      events.push({ type: 'identify', customerId: id, traits: { country: i % 2 === 0 ? 'Germany' : 'France' }, occurredAt: '2026-09-01T00:00:00Z' })
      for (let o = 0; o < i; o++) {
        const day = String(Math.max(1, i - o)).padStart(2, '0')
        events.push({
          type: 'purchase',
          orderId: `${id}-${o}`,
          customerId: id,
          amount: '10.00',
          currency: 'GBP',
          items: [{ productId: o % 3 === 0 ? 'tea' : 'cup', quantity: o % 3 === 0 ? 3 : 1, unitPrice: o % 3 === 0 ? '2.00' : '4.00' }],
          occurredAt: `2026-10-${day}T10:00:00Z`,
        })
      }
    }
    events.push({ type: 'purchase', orderId: 'guest-1', amount: '99.00', currency: 'GBP', occurredAt: '2026-10-05T10:00:00Z' })
    events.push({ type: 'refund', refundId: 'r-1', customerId: 'c10', amount: '5.00', currency: 'GBP', occurredAt: '2026-10-11T10:00:00Z' })
    const response = await http<{ rejected: unknown[] }>(`${server.url}/v1/batch`, { token: tenant.secretKey, body: { events } })
    expect(response.body.rejected).toEqual([])
  })
  afterAll(() => server?.stop())

  async function ids(query: string): Promise<string[]> {
    const response = await http<CustomerPage>(`${server.url}/v1/customers?${query}`, { token: tenant.secretKey })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return response.body.items.map((customer) => customer.customerId)
  }

  it('filters by trait, spend and recency, combined with sorting', async () => {
    expect(await ids('traitKey=country&traitValue=Germany&sort=totalSpent&order=desc')).toEqual(['c10', 'c08', 'c06', 'c04', 'c02'])
    expect(await ids('minSpent=50&maxSpent=80&sort=totalSpent&order=asc')).toEqual(['c05', 'c06', 'c07', 'c08'])
    // c10 spent 100.00 and got 5.00 back.
    expect(await ids('minSpent=95.00&sort=totalSpent')).toEqual(['c10'])
    expect(await ids('lastPurchaseAfter=2026-10-08T00:00:00Z&sort=totalSpent&order=desc')).toEqual(['c10', 'c09', 'c08'])
    expect(await ids('lastPurchaseBefore=2026-10-03T00:00:00Z&sort=totalSpent&order=asc')).toEqual(['c01', 'c02'])
  })

  it('scores every buyer and filters by segment consistently with insights.segments', async () => {
    const all = await http<CustomerPage>(`${server.url}/v1/customers?limit=50`, { token: tenant.secretKey })
    expect(all.body.items.every((customer) => customer.rfm !== null)).toBe(true)
    // The most recent, most frequent, biggest spender is a champion; the least of all is lost.
    const c10 = all.body.items.find((customer) => customer.customerId === 'c10')
    const c01 = all.body.items.find((customer) => customer.customerId === 'c01')
    expect(c10?.rfm).toEqual({ recency: 5, frequency: 5, monetary: 5, segment: 'champions' })
    expect(c01?.rfm).toEqual({ recency: 1, frequency: 1, monetary: 1, segment: 'lost' })
    expect(await ids('segment=champions&sort=totalSpent&order=desc')).toEqual(
      all.body.items.filter((customer) => customer.rfm?.segment === 'champions').map((customer) => customer.customerId).sort().reverse(),
    )
    const bad = await http<{ error: { code: string; issues: Array<{ path: string }> } }>(`${server.url}/v1/customers?segment=vip`, { token: tenant.secretKey })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues[0]?.path).toBe('segment')
  })

  it('gives a customer lifetime totals, average order value, favourite products and refunds on the timeline', async () => {
    const response = await http<CustomerDetail>(`${server.url}/v1/customers/c10`, { token: tenant.secretKey })
    expect(response.status).toBe(200)
    expect(response.body.customer.totals).toMatchObject({ orders: 10, netSpent: '95.00', refunded: '5.00', averageOrderValue: '10.00' })
    // Orders 0, 3, 6, 9 bought 3 teas each; the 6 others one cup each.
    expect(response.body.favouriteProducts).toEqual([
      { productId: 'tea', name: null, quantity: 12, orders: 4 },
      { productId: 'cup', name: null, quantity: 6, orders: 6 },
    ])
    expect(response.body.timeline[0]).toMatchObject({ kind: 'refund', refundId: 'r-1', orderId: null, amount: '5.00' })
  })
})
