import type { Report, Segments, Trends } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, http, trpc } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

type Tenant = Awaited<ReturnType<typeof createTenant>>

describe.each(testDialects())('insights.report edge cases on %s', (dialect) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(dialect)
  })
  afterAll(() => server?.stop())

  async function send(tenant: Tenant, events: unknown[]): Promise<void> {
    const response = await http<{ rejected: unknown[] }>(`${server.url}/v1/batch`, { token: tenant.secretKey, body: { events } })
    expect(response.status).toBe(200)
    expect(response.body.rejected).toEqual([])
  }

  async function report(tenant: Tenant, query: string): Promise<Report> {
    const response = await http<Report>(`${server.url}/v1/insights/report?${query}`, { token: tenant.secretKey })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return response.body
  }

  it('answers an empty project with zeros, every interval present, and no division by zero', async () => {
    const tenant = await createTenant(server.url)
    const body = await report(tenant, 'from=2026-01-01&to=2026-04-01&interval=month&compareTo=previous_period')
    expect(body.series.map((point) => [point.start, point.end])).toEqual([
      ['2026-01-01', '2026-02-01'],
      ['2026-02-01', '2026-03-01'],
      ['2026-03-01', '2026-04-01'],
    ])
    expect(body.totals).toMatchObject({ grossRevenue: '0.00', netRevenue: '0.00', orders: 0, averageOrderValue: '0.00', payingCustomers: 0, repeatPurchaseRate: 0 })
    expect(body.comparison?.change.netRevenue).toEqual({ absolute: '0.00', relative: null })
    expect(body.topProducts.byNetRevenue).toEqual([])
    expect(body.cohorts).toEqual([])
  })

  it('counts a single purchase everywhere it belongs', async () => {
    const tenant = await createTenant(server.url)
    await send(tenant, [
      { type: 'identify', customerId: 'ann', name: 'Ann', traits: { plan: 'pro' } },
      {
        type: 'purchase',
        orderId: 'A-1',
        customerId: 'ann',
        amount: '49.90',
        currency: 'GBP',
        country: 'Germany',
        items: [{ productId: 'mug', name: 'Mug', quantity: 2, unitPrice: '24.95' }],
        occurredAt: '2026-02-10T10:00:00Z',
      },
    ])
    const body = await report(tenant, 'from=2026-02-01&to=2026-03-01&interval=week&breakdownBy=trait:plan')
    expect(body.totals).toMatchObject({
      grossRevenue: '49.90',
      refunds: '0.00',
      netRevenue: '49.90',
      orders: 1,
      itemsSold: 2,
      averageOrderValue: '49.90',
      payingCustomers: 1,
      newCustomers: 1,
      returningCustomers: 0,
      revenuePerCustomer: '49.90',
    })
    // Weeks start on Monday; the first one is clipped to the period.
    expect(body.series[0]).toMatchObject({ start: '2026-02-01', end: '2026-02-02', orders: 0 })
    expect(body.series.find((point) => point.start === '2026-02-09')).toMatchObject({ orders: 1, netRevenue: '49.90' })
    expect(body.topProducts.byNetRevenue).toEqual([
      { productId: 'mug', name: 'Mug', grossRevenue: '49.90', refunds: '0.00', netRevenue: '49.90', quantity: 2, returnedQuantity: 0, orders: 1 },
    ])
    expect(body.topCustomers).toEqual([{ customerId: 'ann', name: 'Ann', email: null, netRevenue: '49.90', orders: 1 }])
    expect(body.breakdown).toEqual({
      by: 'trait:plan',
      rows: [{ value: 'pro', grossRevenue: '49.90', refunds: '0.00', netRevenue: '49.90', orders: 1, customers: 1, share: 1 }],
    })
    expect(body.cohorts).toEqual([{ cohort: '2026-02', customers: 1, months: [{ offset: 0, activeCustomers: 1, retention: 1, netRevenue: '49.90' }] }])
  })

  it('shows negative net revenue when refunds exceed sales in an interval, and counts a late refund in its own period', async () => {
    const tenant = await createTenant(server.url)
    await send(tenant, [
      { type: 'purchase', orderId: 'B-1', customerId: 'bob', amount: '100.00', currency: 'GBP', occurredAt: '2026-01-10T12:00:00Z', items: [{ productId: 'lamp', quantity: 1, unitPrice: '100' }] },
      { type: 'purchase', orderId: 'B-2', customerId: 'bob', amount: '30.00', currency: 'GBP', occurredAt: '2026-01-20T12:00:00Z' },
      // Order B-2 refunded in full in February; a partial refund of B-1 (with the returned line) too.
      { type: 'purchase', orderId: 'B-2', customerId: 'bob', amount: '30.00', currency: 'GBP', status: 'refunded', occurredAt: '2026-02-03T12:00:00Z' },
      { type: 'refund', refundId: 'R-1', orderId: 'B-1', amount: '100.00', currency: 'GBP', occurredAt: '2026-02-05T12:00:00Z', items: [{ productId: 'lamp', quantity: 1, unitPrice: '100' }] },
    ])
    const body = await report(tenant, 'from=2026-01-01&to=2026-03-01&interval=month')
    expect(body.series.map((point) => [point.start, point.grossRevenue, point.refunds, point.netRevenue, point.itemsReturned])).toEqual([
      ['2026-01-01', '130.00', '0.00', '130.00', 0],
      ['2026-02-01', '0.00', '130.00', '-130.00', 1],
    ])
    expect(body.totals.netRevenue).toBe('0.00')
    expect(body.topProducts.byNetRevenue[0]).toMatchObject({ productId: 'lamp', grossRevenue: '100.00', refunds: '100.00', netRevenue: '0.00', returnedQuantity: 1 })
    // The refund took its customer from the order.
    const customer = await http<{ customer: { totals: { netSpent: string; refunded: string; orders: number } } }>(`${server.url}/v1/customers/bob`, { token: tenant.secretKey })
    expect(customer.body.customer.totals).toMatchObject({ orders: 1, netSpent: '0.00', refunded: '100.00' })
    // January alone still shows the sales: refunds count when they happen.
    const january = await report(tenant, 'from=2026-01-01&to=2026-02-01&interval=month')
    expect(january.totals).toMatchObject({ grossRevenue: '130.00', refunds: '0.00', orders: 2, payingCustomers: 1, repeatPurchaseRate: 1 })
  })

  it("cuts days at the project's midnight, across a daylight-saving change", async () => {
    const tenant = await createTenant(server.url, { currency: 'EUR', timezone: 'Europe/Berlin' })
    // Berlin moves to summer time on 2026-03-29 at 02:00 (UTC+1 → UTC+2).
    await send(tenant, [
      { type: 'purchase', orderId: 'D-1', amount: '1.00', currency: 'EUR', occurredAt: '2026-03-28T22:59:00Z' }, // 23:59 on the 28th
      { type: 'purchase', orderId: 'D-2', amount: '2.00', currency: 'EUR', occurredAt: '2026-03-28T23:00:00Z' }, // 00:00 on the 29th
      { type: 'purchase', orderId: 'D-3', amount: '4.00', currency: 'EUR', occurredAt: '2026-03-29T21:59:00Z' }, // 23:59 CEST on the 29th
      { type: 'purchase', orderId: 'D-4', amount: '8.00', currency: 'EUR', occurredAt: '2026-03-29T22:00:00Z' }, // 00:00 CEST on the 30th
      { type: 'purchase', orderId: 'D-5', amount: '16.00', currency: 'USD', occurredAt: '2026-03-29T12:00:00Z' },
    ])
    const body = await report(tenant, 'from=2026-03-28&to=2026-03-31&interval=day')
    expect(body.series.map((point) => [point.start, point.grossRevenue])).toEqual([
      ['2026-03-28', '1.00'],
      ['2026-03-29', '6.00'],
      ['2026-03-30', '8.00'],
    ])
    expect(body.totals.guestRevenue).toBe('15.00')
    expect(body.notes.join(' ')).toContain('1 orders in other currencies')
  })

  it('keeps reports current as events keep arriving, and compares periods', async () => {
    const tenant = await createTenant(server.url)
    await send(tenant, [{ type: 'purchase', orderId: 'C-1', customerId: 'cat', amount: '10.00', currency: 'GBP', country: 'France', occurredAt: '2026-05-02T10:00:00Z' }])
    const first = await report(tenant, 'from=2026-05-01&to=2026-06-01&interval=month&compareTo=previous_year&breakdownBy=country')
    expect(first.totals.netRevenue).toBe('10.00')
    await send(tenant, [
      { type: 'purchase', orderId: 'C-2', customerId: 'cat', amount: '15.50', currency: 'GBP', country: 'France', occurredAt: '2026-05-20T10:00:00Z' },
      { type: 'purchase', orderId: 'C-0', customerId: 'dan', amount: '5.00', currency: 'GBP', country: 'Spain', occurredAt: '2025-05-20T10:00:00Z' },
    ])
    const second = await report(tenant, 'from=2026-05-01&to=2026-06-01&interval=month&compareTo=previous_year&breakdownBy=country')
    expect(second.totals).toMatchObject({ netRevenue: '25.50', orders: 2, payingCustomers: 1, newCustomers: 1 })
    expect(second.comparison).toMatchObject({ kind: 'previous_year', from: '2025-05-01', to: '2025-06-01' })
    expect(second.comparison?.totals.netRevenue).toBe('5.00')
    expect(second.comparison?.change.netRevenue).toEqual({ absolute: '20.50', relative: 4.1 })
    expect(second.breakdown?.rows).toEqual([{ value: 'France', grossRevenue: '25.50', refunds: '0.00', netRevenue: '25.50', orders: 2, customers: 1, share: 1 }])
  })

  it('serves report, trends and segments over tRPC with a session, and refuses bad input and publishable keys', async () => {
    const tenant = await createTenant(server.url)
    await send(tenant, [
      { type: 'purchase', orderId: 'E-1', customerId: 'eve', amount: '10.00', currency: 'GBP', occurredAt: '2026-06-01T10:00:00Z' },
      { type: 'purchase', orderId: 'E-2', customerId: 'fay', amount: '20.00', currency: 'GBP', occurredAt: '2026-06-15T10:00:00Z' },
      { type: 'purchase', orderId: 'E-3', customerId: 'fay', amount: '20.00', currency: 'GBP', occurredAt: '2026-07-15T10:00:00Z' },
    ])
    const viaTrpc = await trpc<Report>(server.url, 'insights.report', { projectId: tenant.projectId, from: '2026-06-01', to: '2026-08-01', interval: 'month' }, { token: tenant.token, query: true })
    expect(viaTrpc.body.result?.data.totals.netRevenue).toBe('50.00')

    const trends = await http<Trends>(`${server.url}/v1/insights/trends?from=2026-06-01&to=2026-08-01&interval=week`, { token: tenant.secretKey })
    expect(trends.status).toBe(200)
    expect(trends.body.metrics.map((metric) => metric.metric)).toEqual(['netRevenue', 'orders', 'averageOrderValue', 'payingCustomers', 'newCustomers'])
    expect(trends.body.seasonality.weekday.reduce((sum, day) => sum + day.orders, 0)).toBe(3)
    expect(trends.body.previous).toEqual({ from: '2026-04-01', to: '2026-06-01' })

    const segments = await http<Segments>(`${server.url}/v1/insights/segments?asOf=2026-08-01&compareDays=45`, { token: tenant.secretKey })
    expect(segments.status).toBe(200)
    expect(segments.body.customers).toBe(2)
    expect(segments.body.segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(2)
    // On June 17 only eve and fay had bought, once each; fay's second order moved her since.
    expect(segments.body.segments.reduce((sum, segment) => sum + segment.previousCustomers, 0)).toBe(2)

    const backwards = await http<{ error: { code: string; issues: Array<{ path: string }> } }>(`${server.url}/v1/insights/report?from=2026-06-01&to=2026-05-01`, { token: tenant.secretKey })
    expect(backwards.status).toBe(400)
    expect(backwards.body.error.issues[0]?.path).toBe('to')
    const badBreakdown = await http<{ error: { code: string } }>(`${server.url}/v1/insights/report?from=2026-06-01&to=2026-07-01&breakdownBy=colour`, { token: tenant.secretKey })
    expect(badBreakdown.status).toBe(400)
    // Dates the calendar arithmetic or the database could not handle are refused with a 400, never a 500.
    for (const query of [
      'from=0001-01-01&to=0001-02-01&compareTo=previous_year',
      'from=1970-01-01&to=1970-02-01&compareTo=previous_year',
      'from=2026-02-30&to=2026-03-01',
      'from=2026-01-01&to=2026-02-01&interval=year',
      'from=2026-01-01&to=2026-02-01&limit=0',
      'from=2026-01-01&to=2026-02-01&breakdownBy=trait:',
    ]) {
      const response = await http<{ error: { code: string } }>(`${server.url}/v1/insights/report?${query}`, { token: tenant.secretKey })
      expect([200, 400], query).toContain(response.status)
      if (response.status === 400) expect(response.body.error.code).toBe('validation_error')
    }
    const oddTrait = await http<Report>(`${server.url}/v1/insights/report?from=2026-06-01&to=2026-07-01&breakdownBy=${encodeURIComponent("trait:it's \"odd\"")}`, { token: tenant.secretKey })
    expect(oddTrait.status).toBe(200)
    const publishable = await http<{ error: { code: string } }>(`${server.url}/v1/insights/report?from=2026-06-01&to=2026-07-01`, { token: tenant.publishableKey })
    expect(publishable.status).toBe(403)
  })
})
