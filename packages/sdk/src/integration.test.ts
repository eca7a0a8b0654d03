import { randomUUID } from 'node:crypto'
import type { RapportServer } from '@rapport/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCRM } from './create-crm.js'
import { isPermissionError, type RapportError } from './errors.js'
import { startFaultProxy } from './test/fault-proxy.js'
import { databaseTargets, seedProject } from './test/real-server.js'

const EVENTS = 10_000
const CUSTOMERS = 200

describe.each(databaseTargets())('against the real server on $name', (target) => {
  let server: RapportServer
  let cleanup: () => Promise<void>
  let keys: Awaited<ReturnType<typeof seedProject>>

  beforeAll(async () => {
    const started = await target.start()
    server = started.server
    cleanup = started.cleanup
    keys = await seedProject(server)
  }, 60_000)

  afterAll(async () => {
    await cleanup?.()
  })

  it('delivers 10,000 mixed events exactly once through a faulty network', async () => {
    const proxy = await startFaultProxy(server.url, { rate: 0.1, seed: 42 })
    const errors: RapportError[] = []
    const crm = createCRM({ apiKey: keys.secretKey, host: proxy.url, flushAt: 500, maxQueueSize: EVENTS, timeout: 5_000, onError: (error) => errors.push(error) })
    const sent = new Set<string>()
    let revenueMinor = 0n
    const spentBy = new Map<string, bigint>()
    for (let i = 0; i < EVENTS; i++) {
      const customerId = `customer-${i % CUSTOMERS}`
      const eventId = randomUUID()
      sent.add(eventId)
      if (i % 3 === 0) crm.identify(customerId, { email: `c${i % CUSTOMERS}@example.com`, name: `Customer ${i % CUSTOMERS}`, plan: i % 2 ? 'pro' : 'free' }, { eventId })
      else if (i % 3 === 1) {
        const minor = BigInt(1 + ((i * 7919) % 100_000))
        revenueMinor += minor
        spentBy.set(customerId, (spentBy.get(customerId) ?? 0n) + minor)
        const amount = `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`
        crm.purchase({ eventId, customerId, orderId: `order-${i}`, amount, currency: 'GBP', items: [{ productId: `sku-${i % 17}`, quantity: 1 }] })
      } else crm.track(customerId, 'feature_used', { feature: `f${i % 11}`, step: i }, { eventId })
    }
    await crm.flush()
    await proxy.close()

    expect(errors).toEqual([])
    // The proxy really did break requests, in every way.
    expect(proxy.counts.dropped).toBeGreaterThan(0)
    expect(proxy.counts.unavailable).toBeGreaterThan(0)
    expect(proxy.counts.resetAfterAnswer).toBeGreaterThan(0)

    const stored = await server.db.selectFrom('events').select('event_id').where('project_id', '=', keys.projectId).execute()
    expect(stored).toHaveLength(EVENTS)
    expect(new Set(stored.map((row) => row.event_id))).toEqual(sent)

    const revenue = await server.db
      .selectFrom('purchases')
      .select((eb) => eb.fn.sum<string>('amount_minor').as('total'))
      .where('project_id', '=', keys.projectId)
      .executeTakeFirstOrThrow()
    expect(BigInt(revenue.total)).toBe(revenueMinor)

    // Read back through the SDK's typed read API (tRPC), straight to the server.
    const reader = createCRM({ apiKey: keys.secretKey, host: server.url })
    const page = await reader.customers.list({ limit: 200 })
    expect(page.items).toHaveLength(CUSTOMERS)
    const one = await reader.customers.get('customer-1')
    const spent = spentBy.get('customer-1') ?? 0n
    expect(one.customer.totals.netSpent).toBe(`${spent / 100n}.${String(spent % 100n).padStart(2, '0')}`)
    expect(one.customer).toMatchObject({ email: 'c1@example.com', traits: { plan: 'pro' } })
    await crm.shutdown()
  }, 60_000)

  it('refuses reads with a publishable key before asking the server', async () => {
    const crm = createCRM({ apiKey: keys.publishableKey, host: server.url })
    await expect(crm.customers.list()).rejects.toSatisfy(isPermissionError)
  })
})
