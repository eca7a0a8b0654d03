import { randomUUID } from 'node:crypto'
import type { BatchResult } from '@rapport/shared'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createTenant, http } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 12)).toISOString()

/** A batch of `count` orders spread over `days` days, for customers c-0 … c-4. */
function orders(count: number, days: number) {
  return Array.from({ length: count }, (_, i) => ({
    type: 'purchase',
    eventId: randomUUID(),
    orderId: `O-${randomUUID()}`,
    customerId: `c-${i % 5}`,
    amount: '10.00',
    currency: 'GBP',
    occurredAt: day(i % days),
  }))
}

describe.each(testDialects())('background refresh after ingestion on %s', (dialect) => {
  let server: TestServer | undefined
  afterEach(() => server?.stop())

  async function send(token: string, events: unknown[]): Promise<BatchResult> {
    if (!server) throw new Error('no server')
    const response = await http<BatchResult>(`${server.url}/v1/batch`, { token, body: { events } })
    expect(response.status).toBe(200)
    return response.body
  }

  /** What is still waiting for a read, counted straight in the database (no read runs). */
  async function pending(projectId: string) {
    if (!server) throw new Error('no server')
    const { rows } = await sql<{ customer_changes: number; changed_days: number; rolled_up_orders: number; folded_orders: number }>`
      select
        (select count(*) from customer_changes where project_id = ${projectId})::int as customer_changes,
        (select count(*) from analytics_changes where project_id = ${projectId})::int as changed_days,
        (select coalesce(sum(orders), 0) from daily_sales where project_id = ${projectId})::int as rolled_up_orders,
        (select coalesce(sum(orders_count), 0) from customers where project_id = ${projectId})::int as folded_orders
    `.execute(server.db)
    const row = rows[0]
    if (!row) throw new Error('no row')
    return row
  }

  /** Polls until `done` holds; fails after `ms`. */
  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
    const deadline = Date.now() + ms
    for (;;) {
      const value = await read()
      if (done(value) || Date.now() > deadline) return value
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  it('records each changed day once while it is pending, however many batches change it', async () => {
    server = await startTestServer(dialect, { RAPPORT_REFRESH_QUIET_MS: '0', RAPPORT_REFRESH_MAX_WAIT_MS: '0' })
    const tenant = await createTenant(server.url)
    for (let batch = 0; batch < 3; batch++) await send(tenant.secretKey, orders(40, 10))
    const state = await pending(tenant.projectId)
    expect(state.changed_days).toBe(10)
    // Nothing runs in the background when both parts are off: the backlog waits for a read.
    expect(state.customer_changes).toBe(15)
    expect(state.folded_orders).toBe(0)
  })

  it('brings totals and rollups up to date after a quiet spell, without a read', async () => {
    server = await startTestServer(dialect, { RAPPORT_REFRESH_QUIET_MS: '150', RAPPORT_REFRESH_MAX_WAIT_MS: '0' })
    const tenant = await createTenant(server.url)
    await send(tenant.secretKey, orders(60, 12))
    await send(tenant.secretKey, orders(30, 6))
    const state = await eventually(
      () => pending(tenant.projectId),
      (value) => value.changed_days === 0 && value.customer_changes === 0,
    )
    expect(state).toEqual({ customer_changes: 0, changed_days: 0, rolled_up_orders: 90, folded_orders: 90 })
  })

  it('folds customer changes during a long backfill but leaves the rebuild of its days for the quiet', async () => {
    server = await startTestServer(dialect, { RAPPORT_REFRESH_QUIET_MS: '600000', RAPPORT_REFRESH_MAX_WAIT_MS: '150' })
    const tenant = await createTenant(server.url)
    await send(tenant.secretKey, orders(50, 5))
    const state = await eventually(
      () => pending(tenant.projectId),
      (value) => value.customer_changes === 0,
    )
    expect(state).toEqual({ customer_changes: 0, changed_days: 5, rolled_up_orders: 0, folded_orders: 50 })
    // The next batch starts a new deadline.
    await send(tenant.secretKey, orders(10, 5))
    const after = await eventually(
      () => pending(tenant.projectId),
      (value) => value.folded_orders === 60,
    )
    expect(after).toEqual({ customer_changes: 0, changed_days: 5, rolled_up_orders: 0, folded_orders: 60 })
  })

  it('stops at once on close, with work still scheduled', async () => {
    server = await startTestServer(dialect, { RAPPORT_REFRESH_QUIET_MS: '600000', RAPPORT_REFRESH_MAX_WAIT_MS: '600000' })
    const tenant = await createTenant(server.url)
    await send(tenant.secretKey, orders(5, 1))
    const started = performance.now()
    await server.stop()
    server = undefined
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})
