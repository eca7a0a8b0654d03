import type { CustomerPage } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, http } from '../test/http.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

// Regression: 40 customers who bought a few times in January 2011 only, scored today. The
// BG/NBD fit ran off to r, α ≈ 1e12, the hypergeometric series in the predictions did not
// converge, and the error failed the whole analytics refresh (so the CSV import failed too).
describe('customer scores on a degenerate history', () => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>

  beforeAll(async () => {
    server = await startTestServer('pglite')
    tenant = await createTenant(server.url, { currency: 'GBP', timezone: 'Europe/London' })
    let seed = 7
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const events: unknown[] = []
    let invoice = 0
    for (let customer = 0; customer < 40; customer++) {
      const lastDay = customer < 12 ? 30 : 90
      const orders = 1 + Math.floor(random() * 6)
      for (let n = 0; n < orders; n++) {
        const at = new Date(Date.UTC(2011, 0, 1 + Math.floor(random() * lastDay), 8 + Math.floor(random() * 10)))
        events.push({ type: 'purchase', orderId: `i-${++invoice}`, customerId: `c-${customer}`, amount: '2.50', currency: 'GBP', occurredAt: at.toISOString() })
      }
    }
    const response = await http<{ rejected: unknown[] }>(`${server.url}/v1/batch`, { token: tenant.secretKey, body: { events } })
    expect(response.body.rejected).toEqual([])
  })
  afterAll(() => server?.stop())

  it('answers with finite predictions or none, never an error', async () => {
    const page = await http<CustomerPage>(`${server.url}/v1/customers?limit=200`, { token: tenant.secretKey })
    expect(page.status).toBe(200)
    expect(page.body.items).toHaveLength(40)
    for (const customer of page.body.items) {
      if (customer.predictions) expect(Number.isFinite(customer.predictions.pActive)).toBe(true)
      expect(customer.score?.value).toBeGreaterThanOrEqual(0)
    }
  })
})
