import type { CustomerPage } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, http, trpc } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

describe.each(testDialects())('customers.list on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>

  beforeAll(async () => {
    server = await startTestServer(dialect)
    tenant = await createTenant(server.url)
    // 25 customers: spend 1..25 × 10.00, orders = index % 4 + 1, seen on consecutive days.
    const events = []
    for (let i = 1; i <= 25; i++) {
      const day = `2026-01-${String(i).padStart(2, '0')}T12:00:00Z`
      events.push({ type: 'identify', customerId: `cust-${String(i).padStart(2, '0')}`, email: `c${i}@shop.example`, name: i % 5 === 0 ? `Anna ${i}` : `Bob ${i}`, occurredAt: day })
      const orders = (i % 4) + 1
      for (let o = 0; o < orders; o++) {
        events.push({ type: 'purchase', orderId: `o-${i}-${o}`, customerId: `cust-${String(i).padStart(2, '0')}`, amount: ((i * 10) / orders).toFixed(2), currency: 'GBP', occurredAt: day })
      }
    }
    const response = await http(`${server.url}/v1/batch`, { token: tenant.secretKey, body: { events } })
    expect(response.status).toBe(200)
  })
  afterAll(() => server?.stop())

  async function allPages(query: string, limit: number): Promise<CustomerPage['items']> {
    const items: CustomerPage['items'] = []
    let cursor: string | null = null
    for (let guard = 0; guard < 50; guard++) {
      const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      const page: { status: number; body: CustomerPage } = await http<CustomerPage>(`${server.url}/v1/customers?${query}&limit=${limit}${suffix}`, { token: tenant.secretKey })
      expect(page.status).toBe(200)
      items.push(...page.body.items)
      cursor = page.body.nextCursor
      if (!cursor) break
    }
    return items
  }

  it('pages through every customer once, in order, for each sort', async () => {
    const bySpend = await allPages('sort=totalSpent&order=desc', 7)
    expect(bySpend).toHaveLength(25)
    const spent = bySpend.map((c) => Number(c.totals.netSpent))
    expect(spent).toEqual([...spent].sort((a, b) => b - a))
    expect(new Set(bySpend.map((c) => c.customerId)).size).toBe(25)

    const byOrders = await allPages('sort=orders&order=asc', 4)
    const orders = byOrders.map((c) => c.totals.orders)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
    expect(new Set(byOrders.map((c) => c.customerId)).size).toBe(25)

    const bySeen = await allPages('sort=lastSeen', 10)
    expect(bySeen.map((c) => c.customerId)).toEqual(Array.from({ length: 25 }, (_, i) => `cust-${String(25 - i).padStart(2, '0')}`))
  })

  it('sums each customer exactly', async () => {
    const all = await allPages('sort=totalSpent', 50)
    const seven = all.find((c) => c.customerId === 'cust-07')
    // 70.00 over 4 orders of 17.50
    expect(seven?.totals).toMatchObject({ orders: 4, netSpent: '70.00' })
  })

  it('searches id, email and name, case-insensitively', async () => {
    const anna = await http<CustomerPage>(`${server.url}/v1/customers?search=ANNA`, { token: tenant.secretKey })
    expect(anna.body.items.map((c) => c.customerId).sort()).toEqual(['cust-05', 'cust-10', 'cust-15', 'cust-20', 'cust-25'])
    const byEmail = await http<CustomerPage>(`${server.url}/v1/customers?search=c12@`, { token: tenant.secretKey })
    expect(byEmail.body.items.map((c) => c.customerId)).toEqual(['cust-12'])
  })

  it('works over tRPC with a session that names the project', async () => {
    const page = await trpc<CustomerPage>(server.url, 'customers.list', { projectId: tenant.projectId, limit: 3, sort: 'totalSpent' }, { token: tenant.token, query: true })
    expect(page.body.result?.data.items.map((c) => c.customerId)).toEqual(['cust-25', 'cust-24', 'cust-23'])
    const missingProject = await trpc(server.url, 'customers.list', { limit: 3 }, { token: tenant.token, query: true })
    expect(missingProject.status).toBe(400)
  })

  it('rejects a tampered cursor or bad query with 400', async () => {
    const bad = await http<{ error: { code: string; issues: Array<{ path: string }> } }>(`${server.url}/v1/customers?cursor=abc`, { token: tenant.secretKey })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues[0]?.path).toBe('cursor')
    const page = await http<CustomerPage>(`${server.url}/v1/customers?sort=orders&limit=2`, { token: tenant.secretKey })
    const otherSort = await http(`${server.url}/v1/customers?sort=totalSpent&cursor=${page.body.nextCursor}`, { token: tenant.secretKey })
    expect(otherSort.status).toBe(400)
    const badLimit = await http<{ error: { issues: Array<{ path: string }> } }>(`${server.url}/v1/customers?limit=9999`, { token: tenant.secretKey })
    expect(badLimit.status).toBe(400)
    expect(badLimit.body.error.issues[0]?.path).toBe('limit')
    const missing = await http<{ error: { code: string } }>(`${server.url}/v1/customers/nobody`, { token: tenant.secretKey })
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('not_found')
  })
})
