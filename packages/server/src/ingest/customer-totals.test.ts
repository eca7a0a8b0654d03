import { randomUUID } from 'node:crypto'
import type { BatchResult } from '@rapport/shared'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyCustomerChanges } from '../customers/apply-customer-changes.js'
import { createTenant, http } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

type Event = Record<string, unknown>

describe.each(testDialects())('customer totals after ingestion on %s', (dialect) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(dialect)
  })
  afterAll(() => server?.stop())

  async function send(token: string, events: Event[]): Promise<BatchResult> {
    const response = await http<BatchResult>(`${server.url}/v1/batch`, { token, body: { events } })
    expect(response.status).toBe(200)
    return response.body
  }

  /** Customers whose stored totals differ from a recount of their orders and refunds (should be none). */
  async function driftedCustomers(projectId: string) {
    // What every read does first: fold in the batches' pending changes.
    await applyCustomerChanges(server.db, projectId)
    const { rows } = await sql<{ customer_id: string }>`
      select c.customer_id
      from customers c
      left join lateral (
        select
          (count(*) filter (where p.status = 'completed'))::int as orders,
          (count(*) filter (where p.status = 'refunded'))::int as refunded,
          coalesce(sum(p.amount_minor) filter (where p.status = 'completed' and p.currency = 'GBP'), 0)::bigint as gross,
          min(p.ordered_at) as first_at,
          max(p.ordered_at) as last_at
        from purchases p where p.project_id = c.project_id and p.customer_id = c.customer_id
      ) a on true
      left join lateral (
        select coalesce(sum(f.amount_minor) filter (where f.currency = 'GBP'), 0)::bigint as refunded
        from refunds f where f.project_id = c.project_id and f.customer_id = c.customer_id
      ) r on true
      where c.project_id = ${projectId}
        and (c.orders_count <> a.orders or c.refunded_orders_count <> a.refunded or c.gross_spent_minor <> a.gross
          or c.refunded_minor <> r.refunded or c.net_spent_minor <> a.gross - r.refunded
          or c.first_purchase_at is distinct from a.first_at or c.last_purchase_at is distinct from a.last_at)
    `.execute(server.db)
    return rows.map((row) => row.customer_id)
  }

  async function totals(projectId: string, customerId: string) {
    await applyCustomerChanges(server.db, projectId)
    return server.db
      .selectFrom('customers')
      .select(['orders_count', 'refunded_orders_count', 'net_spent_minor', 'name'])
      .where('project_id', '=', projectId)
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow()
  }

  it('stores only the new events of a batch mixing new and already-stored ones, and counts each order once', async () => {
    const tenant = await createTenant(server.url)
    const stored: Event[] = [
      { type: 'purchase', eventId: randomUUID(), orderId: 'M-1', customerId: 'ann', amount: '10.00', currency: 'GBP', occurredAt: '2026-01-01T10:00:00Z' },
      { type: 'identify', eventId: randomUUID(), customerId: 'ann', name: 'Ann', occurredAt: '2026-01-01T09:00:00Z' },
    ]
    expect(await send(tenant.secretKey, stored)).toMatchObject({ accepted: 2, duplicates: 0 })

    const fresh: Event[] = [
      { type: 'purchase', eventId: randomUUID(), orderId: 'M-2', customerId: 'ann', amount: '5.50', currency: 'GBP', occurredAt: '2026-01-02T10:00:00Z' },
      { type: 'purchase', eventId: randomUUID(), orderId: 'M-3', customerId: 'bob', amount: '7.00', currency: 'GBP', occurredAt: '2026-01-03T10:00:00Z' },
      // A new event for a stored order: the order is updated, not counted again.
      { type: 'purchase', eventId: randomUUID(), orderId: 'M-1', customerId: 'ann', amount: '12.00', currency: 'GBP', occurredAt: '2026-01-04T10:00:00Z' },
    ]
    const mixed = await send(tenant.secretKey, [stored[0] as Event, ...fresh, stored[1] as Event])
    expect(mixed).toMatchObject({ accepted: 3, duplicates: 2, rejected: [] })
    expect(mixed.results.map((result) => result.status)).toEqual(['duplicate', 'accepted', 'accepted', 'accepted', 'duplicate'])

    expect(await totals(tenant.projectId, 'ann')).toEqual({ orders_count: 2, refunded_orders_count: 0, net_spent_minor: 1750n, name: 'Ann' })
    expect(await totals(tenant.projectId, 'bob')).toMatchObject({ orders_count: 1, net_spent_minor: 700n })
    expect(await driftedCustomers(tenant.projectId)).toEqual([])

    // The same mixed batch again changes nothing.
    expect(await send(tenant.secretKey, [stored[0] as Event, ...fresh, stored[1] as Event])).toMatchObject({ accepted: 0, duplicates: 5 })
    expect(await totals(tenant.projectId, 'ann')).toMatchObject({ orders_count: 2, net_spent_minor: 1750n })
  })

  it('keeps every customer’s totals equal to a recount through new, moved, refunded and foreign-currency orders and refunds', async () => {
    const tenant = await createTenant(server.url)
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString()
    await send(tenant.secretKey, [
      { type: 'purchase', eventId: randomUUID(), orderId: 'T-1', customerId: 'ann', amount: '10.00', currency: 'GBP', occurredAt: day(1) },
      { type: 'purchase', eventId: randomUUID(), orderId: 'T-2', customerId: 'ann', amount: '3.00', currency: 'EUR', occurredAt: day(2) },
      { type: 'purchase', eventId: randomUUID(), orderId: 'T-3', customerId: 'bob', amount: '8.00', currency: 'GBP', status: 'refunded', occurredAt: day(3) },
    ])
    expect(await driftedCustomers(tenant.projectId)).toEqual([])
    await send(tenant.secretKey, [
      // T-1 moves from ann to bob, with a new order for each in the same batch.
      { type: 'purchase', eventId: randomUUID(), orderId: 'T-1', customerId: 'bob', amount: '10.00', currency: 'GBP', occurredAt: day(4) },
      { type: 'purchase', eventId: randomUUID(), orderId: 'T-4', customerId: 'ann', amount: '1.00', currency: 'GBP', occurredAt: day(5) },
      { type: 'purchase', eventId: randomUUID(), orderId: 'T-5', customerId: 'bob', amount: '2.00', currency: 'GBP', occurredAt: day(6) },
      { type: 'purchase', eventId: randomUUID(), orderId: 'T-6', customerId: 'cat', amount: '4.00', currency: 'GBP', occurredAt: day(0) },
      { type: 'refund', eventId: randomUUID(), refundId: 'F-1', orderId: 'T-6', amount: '1.50', currency: 'GBP', occurredAt: day(7) },
    ])
    expect(await driftedCustomers(tenant.projectId)).toEqual([])
    expect(await totals(tenant.projectId, 'ann')).toMatchObject({ orders_count: 2, net_spent_minor: 100n })
    expect(await totals(tenant.projectId, 'bob')).toMatchObject({ orders_count: 2, refunded_orders_count: 1, net_spent_minor: 1200n })
    expect(await totals(tenant.projectId, 'cat')).toMatchObject({ orders_count: 1, net_spent_minor: 250n })
  })

  it('keeps totals exact when concurrent batches share customers', async () => {
    const tenant = await createTenant(server.url)
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 60 }, (_, i): Event => {
        const n = b * 60 + i
        // Every batch names most of the same 23 customers; some orders are sent again by a later batch, moved.
        const orderId = n % 10 === 9 ? `S-${n - 60 * (b > 0 ? 1 : 0)}` : `S-${n}`
        return { type: 'purchase', eventId: randomUUID(), orderId, customerId: `c-${(n * 7) % 23}`, amount: `${(n % 40) + 1}.${String(n % 100).padStart(2, '0')}`, currency: 'GBP', occurredAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString() }
      }),
    )
    // Readers fold changes in while the batches are still arriving.
    const reads = Array.from({ length: 6 }, () => applyCustomerChanges(server.db, tenant.projectId))
    const [results] = await Promise.all([Promise.all(batches.map((events) => send(tenant.secretKey, events))), Promise.all(reads)])
    expect(results.reduce((sum, result) => sum + result.accepted, 0)).toBe(480)
    expect(await driftedCustomers(tenant.projectId)).toEqual([])
    const { rows } = await sql<{ orders: bigint; customers_orders: bigint }>`
      select (select count(*) from purchases where project_id = ${tenant.projectId} and status = 'completed') as orders,
        (select sum(orders_count) from customers where project_id = ${tenant.projectId}) as customers_orders
    `.execute(server.db)
    expect(rows[0]?.customers_orders).toBe(rows[0]?.orders)
    const pending = await sql<{ n: number }>`select count(*)::int as n from customer_changes where project_id = ${tenant.projectId}`.execute(server.db)
    expect(pending.rows[0]?.n).toBe(0)
  })

  it('shows a read every acknowledged order and visit, though totals are folded in after the batch', async () => {
    const tenant = await createTenant(server.url)
    await send(tenant.secretKey, [
      { type: 'identify', eventId: randomUUID(), customerId: 'dan', name: 'Dan', occurredAt: '2026-03-01T09:00:00Z' },
      { type: 'purchase', eventId: randomUUID(), orderId: 'D-1', customerId: 'dan', amount: '9.99', currency: 'GBP', occurredAt: '2026-03-01T10:00:00Z' },
    ])
    const second = await send(tenant.secretKey, [
      { type: 'purchase', eventId: randomUUID(), orderId: 'D-2', customerId: 'dan', amount: '0.01', currency: 'GBP', occurredAt: '2026-03-02T10:00:00Z' },
      { type: 'track', eventId: randomUUID(), customerId: 'dan', name: 'visited_pricing', occurredAt: '2026-03-05T10:00:00Z' },
    ])
    expect(second).toMatchObject({ accepted: 2, rejected: [] })
    const stored = await sql<{ orders_count: number }>`
      select orders_count from customers where project_id = ${tenant.projectId} and customer_id = 'dan'
    `.execute(server.db)
    // Until a read, the row holds none of it: the two batches appended their additions.
    expect(stored.rows[0]?.orders_count).toBe(0)
    const read = await http<{ customer: { name: string; lastSeenAt: string; totals: { orders: number; netSpent: string } } }>(`${server.url}/v1/customers/dan`, { token: tenant.secretKey })
    expect(read.status).toBe(200)
    expect(read.body.customer).toMatchObject({ name: 'Dan', totals: { orders: 2, netSpent: '10.00' } })
    expect(new Date(read.body.customer.lastSeenAt).toISOString()).toBe('2026-03-05T10:00:00.000Z')
    expect(await totals(tenant.projectId, 'dan')).toMatchObject({ orders_count: 2, net_spent_minor: 1000n })
    const seen = await sql<{ last_seen_at: Date; first_seen_at: Date }>`
      select first_seen_at, last_seen_at from customers where project_id = ${tenant.projectId} and customer_id = 'dan'
    `.execute(server.db)
    expect(seen.rows[0]).toEqual({ first_seen_at: new Date('2026-03-01T09:00:00Z'), last_seen_at: new Date('2026-03-05T10:00:00Z') })
  })

  it('keeps totals exact when concurrent batches move the same orders from customer to customer', async () => {
    const tenant = await createTenant(server.url)
    const at = (minute: number) => new Date(Date.UTC(2026, 1, 1, 0, minute)).toISOString()
    const orders = Array.from({ length: 24 }, (_, i) => `R-${String(i).padStart(2, '0')}`)
    // Each batch gives all the orders to a customer of its own, at a time of its own: the
    // batch that commits second must see the first one's customer as the previous owner,
    // or that customer keeps counting orders it lost.
    const move = (round: number, batch: number): Event[] =>
      orders.map((orderId, i) => ({
        type: 'purchase',
        eventId: randomUUID(),
        orderId,
        customerId: `m-${round}-${batch}`,
        amount: `${i + 1}.${batch}${round}`,
        currency: 'GBP',
        occurredAt: at(round * 10 + ((batch * 5) % 6)),
      }))
    await send(tenant.secretKey, move(0, 0))
    for (let round = 1; round <= 4; round++) {
      const results = await Promise.all(Array.from({ length: 6 }, (_, batch) => send(tenant.secretKey, move(round, batch))))
      expect(results.reduce((sum, result) => sum + result.accepted, 0)).toBe(6 * orders.length)
    }
    expect(await driftedCustomers(tenant.projectId)).toEqual([])
    const { rows } = await sql<{ orders: bigint; customers_orders: bigint }>`
      select (select count(*) from purchases where project_id = ${tenant.projectId}) as orders,
        (select sum(orders_count) from customers where project_id = ${tenant.projectId}) as customers_orders
    `.execute(server.db)
    expect(rows[0]).toEqual({ orders: 24n, customers_orders: 24n })
  })
})
