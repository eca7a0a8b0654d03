import { randomUUID } from 'node:crypto'
import type { RapportServer } from '@rapport/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCRM } from './create-crm.js'
import { isPermissionError, type RapportError } from './errors.js'
import { startFaultProxy } from './test/fault-proxy.js'
import { databaseTargets, seedProject } from './test/real-server.js'

const EVENTS = 20_000
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

  it('delivers 20,000 mixed events exactly once through a faulty network (drops, delays, 500/502/503/429, resets after the server committed)', async () => {
    const proxy = await startFaultProxy(server.url, { rate: 0.1, seed: 42, delayRate: 0.2, maxDelayMs: 150 })
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
    expect(proxy.counts.delayed).toBeGreaterThan(0)
    expect(Object.keys(proxy.counts.byStatus).sort()).toEqual(['429', '500', '502', '503'])

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

  it('sends purchases and a refund from the browser key, and reads the exact report back', async () => {
    const shop = await seedProject(server)
    const errors: RapportError[] = []
    const browser = createCRM({ apiKey: shop.publishableKey, host: server.url, storage: false, onError: (error) => errors.push(error) })
    browser.identify('ann', { name: 'Ann', email: 'ann@example.com', plan: 'pro' })
    browser.identify('bob', { name: 'Bob', plan: 'free' })
    // February: bob's first order (the comparison period). March: the report's period.
    browser.purchase({ orderId: 'A-0', customerId: 'bob', amount: '30.00', currency: 'GBP', occurredAt: '2025-02-14T12:00:00Z' })
    browser.purchase({
      orderId: 'A-1',
      customerId: 'ann',
      amount: '49.90',
      currency: 'GBP',
      country: 'Germany',
      items: [{ productId: 'mug', name: 'Mug', quantity: 2, unitPrice: '24.95' }],
      occurredAt: '2025-03-03T10:00:00Z',
    })
    browser.purchase({
      orderId: 'A-2',
      customerId: 'bob',
      amount: '120.00',
      currency: 'GBP',
      country: 'France',
      items: [{ productId: 'lamp', name: 'Lamp', quantity: 1, unitPrice: '120.00' }],
      occurredAt: new Date('2025-03-10T12:00:00Z'),
    })
    browser.purchase({ orderId: 'A-3', customerId: 'ann', amount: '15.50', currency: 'GBP', items: [{ productId: 'tea', name: 'Tea', quantity: 1, unitPrice: '15.50' }], occurredAt: '2025-03-20T09:00:00Z' })
    browser.purchase({ orderId: 'A-4', amount: '10.00', currency: 'GBP', occurredAt: '2025-03-25T09:00:00Z' })
    browser.purchase({ orderId: 'A-5', customerId: 'cat', amount: 9, currency: 'GBP', occurredAt: '2025-03-28T09:00:00Z' })
    // One of the two mugs comes back; customer and country are taken from the order.
    browser.refund({ refundId: 'R-1', orderId: 'A-1', amount: '24.95', currency: 'GBP', items: [{ productId: 'mug', quantity: 1, unitPrice: '24.95' }], reason: 'damaged', occurredAt: '2025-03-15T10:00:00Z' })
    await browser.shutdown()
    expect(errors).toEqual([])

    const crm = createCRM({ apiKey: shop.secretKey, host: server.url })
    const report = await crm.insights.report({ from: '2025-03-01', to: '2025-04-01', interval: 'month', compareTo: 'previous_period', breakdownBy: 'country' })
    const totals = {
      grossRevenue: '204.40',
      refunds: '24.95',
      netRevenue: '179.45',
      orders: 5,
      itemsSold: 4,
      itemsReturned: 1,
      averageOrderValue: '40.88',
      payingCustomers: 3,
      newCustomers: 2,
      returningCustomers: 1,
      revenuePerCustomer: '64.80',
      guestRevenue: '10.00',
    }
    expect(report).toMatchObject({ currency: 'GBP', timezone: 'Europe/London', from: '2025-03-01', to: '2025-04-01', interval: 'month', notes: [] })
    expect(report.totals).toMatchObject(totals)
    // ann and bob have two orders by the end of March, cat one.
    expect(report.totals.repeatPurchaseRate).toBeCloseTo(2 / 3, 10)
    expect(report.series).toEqual([{ ...report.totals, start: '2025-03-01', end: '2025-04-01' }])
    expect(report.comparison?.totals).toMatchObject({ grossRevenue: '30.00', refunds: '0.00', orders: 1, payingCustomers: 1, newCustomers: 1 })
    expect(report.topProducts.byNetRevenue).toEqual([
      { productId: 'lamp', name: 'Lamp', grossRevenue: '120.00', refunds: '0.00', netRevenue: '120.00', quantity: 1, returnedQuantity: 0, orders: 1 },
      { productId: 'mug', name: 'Mug', grossRevenue: '49.90', refunds: '24.95', netRevenue: '24.95', quantity: 2, returnedQuantity: 1, orders: 1 },
      { productId: 'tea', name: 'Tea', grossRevenue: '15.50', refunds: '0.00', netRevenue: '15.50', quantity: 1, returnedQuantity: 0, orders: 1 },
    ])
    const country = (value: string | null) => report.breakdown?.rows.find((row) => row.value === value)
    expect(report.breakdown?.by).toBe('country')
    expect(country('France')).toMatchObject({ grossRevenue: '120.00', refunds: '0.00', netRevenue: '120.00', orders: 1, customers: 1 })
    expect(country('Germany')).toMatchObject({ grossRevenue: '49.90', refunds: '24.95', netRevenue: '24.95', orders: 1, customers: 1 })
    expect(country(null)).toMatchObject({ grossRevenue: '34.50', netRevenue: '34.50', orders: 3 })

    const segments = await crm.insights.segments()
    expect(segments.customers).toBe(3)
    expect(segments.segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(3)
    const trends = await crm.insights.trends({ from: '2025-01-01', to: '2025-04-01', interval: 'month' })
    expect(trends.metrics.find((metric) => metric.metric === 'orders')).toMatchObject({ intervals: 3, current: 6 })

    const ann = await crm.customers.get('ann')
    expect(ann.customer.totals.netSpent).toBe('40.45')
  })

  it('refuses reads with a publishable key before asking the server', async () => {
    const crm = createCRM({ apiKey: keys.publishableKey, host: server.url })
    await expect(crm.customers.list()).rejects.toSatisfy(isPermissionError)
    await expect(crm.insights.report({ from: '2025-03-01', to: '2025-04-01' })).rejects.toSatisfy(isPermissionError)
  })
})
