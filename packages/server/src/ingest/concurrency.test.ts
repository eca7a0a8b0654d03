import { randomUUID } from 'node:crypto'
import type { BatchResult } from '@rapport/shared'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyCustomerChanges } from '../customers/apply-customer-changes.js'
import { parseEnv } from '../env.js'
import { createLogger } from '../logger.js'
import { type RapportServer, startServer } from '../server.js'
import { createTenant, http } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, TEST_SESSION_SECRET, type TestServer } from '../test/test-server.js'

describe.skipIf(!testDialects().includes('postgres'))('two servers on one PostgreSQL', () => {
  let first: TestServer
  let second: RapportServer

  beforeAll(async () => {
    first = await startTestServer('postgres')
    second = await startServer({
      env: parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'silent', RAPPORT_RATE_LIMIT_PER_SECOND: '0' }),
      database: first.database.target,
      sessionSecret: TEST_SESSION_SECRET,
      log: createLogger('silent'),
    })
  })
  afterAll(async () => {
    await second?.close()
    await first?.stop()
  })

  it('stores each event once when the same retried batches hit both servers at the same time', async () => {
    const tenant = await createTenant(first.url)
    const batches = Array.from({ length: 6 }, (_, b) => ({
      events: Array.from({ length: 200 }, (_, i) => {
        const n = b * 200 + i
        const customerId = `c-${n % 37}`
        return n % 2 === 0
          ? { type: 'purchase', eventId: randomUUID(), orderId: `o-${n}`, customerId, amount: `${(n % 90) + 1}.25`, currency: 'GBP' }
          : { type: 'identify', eventId: randomUUID(), customerId, traits: { n } }
      }),
    }))
    const sends = batches.flatMap((body) =>
      [first.url, second.url, first.url, second.url].map((url) => http<BatchResult>(`${url}/v1/batch`, { token: tenant.secretKey, body })),
    )
    const responses = await Promise.all(sends)
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200))
    const accepted = responses.reduce((sum, response) => sum + response.body.accepted, 0)
    expect(accepted).toBe(1200)

    const expectedRevenue = batches
      .flatMap((batch) => batch.events)
      .filter((event) => event.type === 'purchase')
      .reduce((sum, event) => sum + BigInt(String(event.amount).replace('.', '')), 0n)
    await applyCustomerChanges(first.db, tenant.projectId)
    const totals = await sql<{ events: bigint; purchases: bigint; revenue: bigint; customer_revenue: bigint; orders: bigint }>`
      select
        (select count(*) from events where project_id = ${tenant.projectId}) as events,
        (select count(*) from purchases where project_id = ${tenant.projectId}) as purchases,
        (select sum(amount_minor)::bigint from purchases where project_id = ${tenant.projectId}) as revenue,
        (select sum(net_spent_minor)::bigint from customers where project_id = ${tenant.projectId}) as customer_revenue,
        (select sum(orders_count)::bigint from customers where project_id = ${tenant.projectId}) as orders
    `.execute(first.db)
    expect(totals.rows[0]).toEqual({ events: 1200n, purchases: 600n, revenue: expectedRevenue, customer_revenue: expectedRevenue, orders: 600n })
  })
})
