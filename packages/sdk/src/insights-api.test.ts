import type { Forecast, RecommendationType, Recommendations, Report, Segments, Trends } from '@rapport/shared'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { createCRM } from './create-crm.js'
import { isAPIError, isPermissionError, isRapportError } from './errors.js'

const HOST = 'http://rapport.test'
const requests: Request[] = []

const figures = {
  grossRevenue: '99.80',
  refunds: '24.95',
  netRevenue: '74.85',
  orders: 2,
  itemsSold: 4,
  itemsReturned: 1,
  averageOrderValue: '49.90',
  payingCustomers: 1,
  newCustomers: 1,
  returningCustomers: 0,
  repeatPurchaseRate: 1,
  revenuePerCustomer: '99.80',
  guestRevenue: '0.00',
}
const report: Report = {
  currency: 'EUR',
  timezone: 'Europe/Berlin',
  from: '2025-03-01',
  to: '2025-04-01',
  interval: 'month',
  totals: figures,
  series: [{ ...figures, start: '2025-03-01', end: '2025-04-01' }],
  comparison: null,
  topProducts: { byNetRevenue: [], byQuantity: [], byOrders: [] },
  topCustomers: [],
  breakdown: null,
  cohorts: [],
  notes: [],
}
const trends: Trends = {
  currency: 'EUR',
  timezone: 'Europe/Berlin',
  from: '2025-01-01',
  to: '2025-04-01',
  interval: 'month',
  previous: { from: '2024-10-01', to: '2025-01-01' },
  metrics: [],
  seasonality: { weekday: [], hour: [] },
  anomalies: [],
  products: { rising: [], falling: [] },
  countries: { rising: [], falling: [] },
  notes: [],
}
const segments: Segments = {
  currency: 'EUR',
  asOf: '2025-04-01T00:00:00.000+02:00',
  previousAsOf: '2025-03-02T00:00:00.000+01:00',
  customers: 1,
  segments: [{ segment: 'new', customers: 1, share: 1, netRevenue: '74.85', revenueShare: 1, previousCustomers: 0 }],
  movements: [{ from: null, to: 'new', customers: 1 }],
}

const forecast: Forecast = {
  metric: 'revenue',
  interval: 'week',
  currency: 'EUR',
  timezone: 'Europe/Berlin',
  model: 'combination',
  components: ['ses', 'theta'],
  historyEnd: '2025-03-24',
  points: [{ start: '2025-03-31', value: '120.50', lower80: '90.00', upper80: '150.00', lower95: '70.00', upper95: '170.00', closed: false }],
  backtest: { mase: 0.8, smape: 0.2, coverage80: 0.8, coverage95: 0.95, origins: 8, baseline: { model: 'seasonal_naive', mase: 1, smape: 0.25 } },
  notes: [],
}

const recommendations: Recommendations = {
  currency: 'EUR',
  timezone: 'Europe/Berlin',
  issuedAt: '2025-04-01T08:00:00.000Z',
  fresh: true,
  items: [
    {
      id: '0b7e7a4e-2c1e-4d0a-9c55-6f1f5a3b9e01',
      rank: 1,
      type: 'win_back',
      title: 'Win back 2 valuable customers who have gone quiet',
      why: '2 repeat customers have not ordered for twice their usual gap.',
      evidence: [{ label: 'customers', value: '2' }],
      period: { from: '2024-04-01', to: '2025-03-31' },
      customers: [
        { customerId: 'user-42', name: 'Ann', control: false, productId: null },
        { customerId: 'user-43', name: null, control: true, productId: null },
      ],
      customerCount: 1,
      controlCount: 1,
      products: [],
      expectedImpact: { revenue: '49.90', currency: 'EUR', method: 'Customers × return rate × spend' },
      confidence: 0.7,
      confidenceLevel: 'medium',
    },
  ],
  notEnoughData: null,
  notes: [],
}

const answer = (data: unknown) => HttpResponse.json({ result: { data } })
const server = setupServer(
  http.get(`${HOST}/trpc/insights.report`, ({ request }) => {
    requests.push(request)
    const input = JSON.parse(new URL(request.url).searchParams.get('input') ?? '{}') as { to?: string }
    if (input.to === '2025-01-01') {
      const issues = [{ path: 'to', message: '`to` must be after `from` (it is exclusive)' }]
      return HttpResponse.json(
        { error: { message: 'Invalid input', code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, appCode: 'validation_error', issues } } },
        { status: 400, headers: { 'X-Request-Id': 'req-400' } },
      )
    }
    return answer(report)
  }),
  http.get(`${HOST}/trpc/insights.trends`, ({ request }) => {
    requests.push(request)
    return answer(trends)
  }),
  http.get(`${HOST}/trpc/insights.segments`, ({ request }) => {
    requests.push(request)
    return answer(segments)
  }),
  http.get(`${HOST}/trpc/insights.forecast`, ({ request }) => {
    requests.push(request)
    return answer(forecast)
  }),
  http.get(`${HOST}/trpc/insights.recommendations`, ({ request }) => {
    requests.push(request)
    return answer(recommendations)
  }),
)

/** The tRPC query input of a request (`?input=` JSON). */
const inputOf = (request: Request | undefined) => JSON.parse(new URL(request?.url ?? HOST).searchParams.get('input') ?? 'null') as unknown

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  requests.length = 0
})
afterAll(() => server.close())

describe('crm.insights', () => {
  const crm = createCRM({ apiKey: 'rk_sec_abc', host: HOST })

  it('queries insights.report with the secret key and returns the typed report', async () => {
    const result = await crm.insights.report({ from: '2025-03-01', to: '2025-04-01', interval: 'month', compareTo: 'previous_year', breakdownBy: 'trait:plan', limit: 5 })
    expectTypeOf(result).toEqualTypeOf<Report>()
    expectTypeOf(result.totals.netRevenue).toEqualTypeOf<string>()
    expect(result).toEqual(report)
    expect(requests).toHaveLength(1)
    expect(requests[0]?.method).toBe('GET')
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer rk_sec_abc')
    expect(inputOf(requests[0])).toEqual({ from: '2025-03-01', to: '2025-04-01', interval: 'month', compareTo: 'previous_year', breakdownBy: 'trait:plan', limit: 5 })
  })

  it('queries insights.trends and returns the typed trends', async () => {
    const result = await crm.insights.trends({ from: '2025-01-01', to: '2025-04-01', interval: 'month' })
    expectTypeOf(result).toEqualTypeOf<Trends>()
    expect(result).toEqual(trends)
    expect(new URL(requests[0]?.url ?? HOST).pathname).toBe('/trpc/insights.trends')
    expect(inputOf(requests[0])).toEqual({ from: '2025-01-01', to: '2025-04-01', interval: 'month' })
  })

  it('queries insights.segments with no input as an empty object', async () => {
    const result = await crm.insights.segments()
    expectTypeOf(result).toEqualTypeOf<Segments>()
    expect(result).toEqual(segments)
    expect(inputOf(requests[0])).toEqual({})
    await crm.insights.segments({ asOf: '2025-04-01', compareDays: 7 })
    expect(inputOf(requests[1])).toEqual({ asOf: '2025-04-01', compareDays: 7 })
  })

  it('queries insights.forecast and returns the typed forecast', async () => {
    const result = await crm.insights.forecast({ metric: 'revenue', interval: 'week', horizon: 1 })
    expectTypeOf(result).toEqualTypeOf<Forecast>()
    expect(result).toEqual(forecast)
    expect(inputOf(requests[0])).toEqual({ metric: 'revenue', interval: 'week', horizon: 1 })
  })

  it('queries insights.recommendations and returns the typed, ranked actions', async () => {
    const result = await crm.insights.recommendations({ limit: 5 })
    expectTypeOf(result).toEqualTypeOf<Recommendations>()
    expectTypeOf(result.items[0]?.type).toEqualTypeOf<RecommendationType | undefined>()
    expect(result).toEqual(recommendations)
    expect(new URL(requests[0]?.url ?? HOST).pathname).toBe('/trpc/insights.recommendations')
    expect(inputOf(requests[0])).toEqual({ limit: 5 })
    await crm.insights.recommendations()
    expect(inputOf(requests[1])).toEqual({})
  })

  it('refuses a publishable key with a PermissionError before any request', async () => {
    const browser = createCRM({ apiKey: 'rk_pub_abc', host: HOST })
    const period = { from: '2025-03-01', to: '2025-04-01' }
    for (const attempt of [browser.insights.report(period), browser.insights.trends(period), browser.insights.segments(), browser.insights.forecast(), browser.insights.recommendations(), browser.insights.recommendationOutcomes(), browser.insights.customers()]) {
      const error = await attempt.catch((caught: unknown) => caught)
      expect(isPermissionError(error) && { code: error.code, message: error.message }).toEqual({
        code: 'permission_denied',
        message: 'Reading data needs a secret key (rk_sec_…); publishable keys (rk_pub_…) can only send events',
      })
    }
    expect(requests).toHaveLength(0)
  })

  it('refuses a disabled client before any request', async () => {
    const disabled = createCRM({ apiKey: 'rk_sec_abc', host: HOST, disabled: true })
    await expect(disabled.insights.segments()).rejects.toSatisfy((error) => isRapportError(error) && error.code === 'disabled')
    expect(requests).toHaveLength(0)
  })

  it('turns a 400 into an APIError with the code, field issues and request id', async () => {
    const error = await crm.insights.report({ from: '2025-03-01', to: '2025-01-01' }).catch((caught: unknown) => caught)
    expect(isAPIError(error)).toBe(true)
    if (!isAPIError(error)) return
    expect({ status: error.status, code: error.code, issues: error.issues, requestId: error.requestId }).toEqual({
      status: 400,
      code: 'validation_error',
      issues: [{ path: 'to', message: '`to` must be after `from` (it is exclusive)' }],
      requestId: 'req-400',
    })
  })

  it('aborts a call that outlasts the timeout with a ConnectionError', async () => {
    const slow = createCRM({ apiKey: 'rk_sec_abc', host: HOST, timeout: 20, fetch: (_url, init) => new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))) })
    await expect(slow.insights.segments()).rejects.toSatisfy((error) => isRapportError(error) && error.code === 'timeout')
  })
})
