import type { CustomerDetail, CustomerPage } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, http } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

describe.each(testDialects())('customer predictions (BG/NBD, Gamma–Gamma) on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>
  const DAY = 86_400_000
  const now = Date.now()

  // 40 customers. "Regulars" buy every 10 days up to last week; "lapsed" bought 5 times
  // at the same pace but stopped 200 days ago; one-off buyers bought once, 300 days ago.
  beforeAll(async () => {
    server = await startTestServer(dialect)
    tenant = await createTenant(server.url, { currency: 'GBP', timezone: 'UTC' })
    const events: unknown[] = []
    const order = (customerId: string, daysAgo: number, amount: string, n: number) =>
      events.push({ type: 'purchase', orderId: `${customerId}-${n}`, customerId, amount, currency: 'GBP', occurredAt: new Date(now - daysAgo * DAY).toISOString() })
    for (let i = 0; i < 15; i++) for (let n = 0; n < 12; n++) order(`regular-${i}`, 7 + n * 10 + (i % 3), `${40 + i}.00`, n)
    for (let i = 0; i < 15; i++) for (let n = 0; n < 5; n++) order(`lapsed-${i}`, 200 + n * 10 + (i % 3), `${40 + i}.00`, n)
    for (let i = 0; i < 10; i++) order(`once-${i}`, 300 + i, '30.00', 0)
    const response = await http<{ rejected: unknown[] }>(`${server.url}/v1/batch`, { token: tenant.secretKey, body: { events } })
    expect(response.body.rejected).toEqual([])
  })
  afterAll(() => server?.stop())

  async function predictions(customerId: string) {
    const response = await http<CustomerDetail>(`${server.url}/v1/customers/${customerId}`, { token: tenant.secretKey })
    expect(response.status).toBe(200)
    return response.body.customer.predictions
  }

  it('ranks an active regular above a lapsed customer and a one-off buyer', async () => {
    const regular = await predictions('regular-5')
    const lapsed = await predictions('lapsed-5')
    const once = await predictions('once-5')
    if (!regular || !lapsed || !once) throw new Error(`predictions missing: ${JSON.stringify({ regular, lapsed, once })}`)
    for (const p of [regular, lapsed, once]) {
      expect(p.pActive).toBeGreaterThanOrEqual(0)
      expect(p.pActive).toBeLessThanOrEqual(1)
      expect(p.expectedPurchases90).toBeGreaterThanOrEqual(p.expectedPurchases30)
    }
    expect(regular.pActive).toBeGreaterThan(lapsed.pActive)
    // A regular buying every 10 days should be expected to buy a few times a month.
    expect(regular.expectedPurchases30).toBeGreaterThan(1)
    expect(regular.expectedPurchases30).toBeGreaterThan(10 * lapsed.expectedPurchases30)
    expect(Number(regular.predictedValue365)).toBeGreaterThan(Number(lapsed.predictedValue365))
    // Spend per order is shrunk towards the population mean, but stays near the customer's own (45.00).
    expect(Number(regular.expectedOrderValue)).toBeGreaterThan(40)
    expect(Number(regular.expectedOrderValue)).toBeLessThan(50)
  })

  it('scores leads 0–100 with a label and reasons whose points add up, and filters the list by label and score', async () => {
    const detail = async (customerId: string) => (await http<CustomerDetail>(`${server.url}/v1/customers/${customerId}`, { token: tenant.secretKey })).body.customer
    const regular = await detail('regular-14')
    const lapsed = await detail('lapsed-0')
    if (!regular.score || !lapsed.score) throw new Error('scores missing')
    expect(regular.score.value).toBeGreaterThan(lapsed.score.value)
    for (const score of [regular.score, lapsed.score]) {
      const points = score.reasons.reduce((sum, reason) => sum + reason.points, 0)
      // Reasons are rounded to 0.1 point; the score is their sum, rounded.
      expect(Math.abs(points - score.value)).toBeLessThanOrEqual(1)
      expect(score.reasons.map((reason) => reason.factor)).toEqual(['recency', 'frequency', 'spend', 'engagement', 'pActive'])
      // No track events in this project: engagement is left out and the other factors fill 100 points.
      expect(score.reasons.find((reason) => reason.factor === 'engagement')?.maxPoints).toBe(0)
      expect(score.reasons.reduce((sum, reason) => sum + reason.maxPoints, 0)).toBeCloseTo(100, 0)
      const expected = score.value >= 80 ? 'HOT' : score.value >= 60 ? 'WARM' : score.value >= 40 ? 'COLD' : 'UNQUALIFIED'
      expect(score.label).toBe(expected)
    }
    // The newest, most frequent, biggest spender with P(active) near 1 is a hot lead.
    expect(regular.score.label).toBe('HOT')
    const hot = await http<CustomerPage>(`${server.url}/v1/customers?scoreLabel=HOT&limit=200`, { token: tenant.secretKey })
    expect(hot.status).toBe(200)
    expect(hot.body.items.length).toBeGreaterThan(0)
    expect(hot.body.items.every((customer) => customer.score?.label === 'HOT')).toBe(true)
    expect(hot.body.items.some((customer) => customer.customerId === 'regular-14')).toBe(true)
    const low = await http<CustomerPage>(`${server.url}/v1/customers?maxScore=39&limit=200`, { token: tenant.secretKey })
    expect(low.body.items.every((customer) => (customer.score?.value ?? 100) <= 39)).toBe(true)
    expect(low.body.items.some((customer) => customer.customerId === 'regular-14')).toBe(false)
    const bad = await http(`${server.url}/v1/customers?minScore=101`, { token: tenant.secretKey })
    expect(bad.status).toBe(400)
  })

  it('words the score reasons in Russian on request, with the same factors and points, and English unchanged', async () => {
    type Reasons = NonNullable<CustomerDetail['customer']['score']>['reasons']
    const reasons = async (customerId: string, query = '') => {
      const response = await http<CustomerDetail>(`${server.url}/v1/customers/${customerId}${query}`, { token: tenant.secretKey })
      expect(response.status).toBe(200)
      return response.body.customer.score?.reasons ?? ([] as Reasons)
    }
    const detailOf = (list: Reasons, factor: string) => list.find((reason) => reason.factor === factor)?.detail
    for (const customerId of ['regular-14', 'lapsed-0', 'once-0']) {
      const en = await reasons(customerId)
      const ru = await reasons(customerId, '?locale=ru')
      expect(await reasons(customerId, '?locale=en')).toEqual(en)
      expect(ru.map(({ detail: _, ...rest }) => rest)).toEqual(en.map(({ detail: _, ...rest }) => rest))
      for (const reason of ru) expect(reason.detail).toMatch(/[а-яё]/i)
      expect(detailOf(en, 'frequency')).toMatch(/^\d+ completed orders? \(frequency quintile \d of 5\)$/)
      // Both languages are worded from the same figures.
      expect(detailOf(en, 'spend')?.match(/\d+\.\d{2} GBP/)?.[0]).toBe(detailOf(ru, 'spend')?.match(/\d+\.\d{2} GBP/)?.[0])
      expect(detailOf(en, 'pActive')?.match(/\d\.\d{2}/)?.[0]).toBe(detailOf(ru, 'pActive')?.match(/\d\.\d{2}/)?.[0])
      expect(detailOf(en, 'engagement')).toBe('The project sends no track events yet: not counted, the other points are scaled to 100')
      expect(detailOf(ru, 'engagement')).toBe('Проект пока не присылает события track: не учитывается, остальные баллы пересчитаны на 100')
      expect(detailOf(ru, 'recency')).toMatch(/^Последний заказ \d{4}-\d{2}-\d{2} \(квинтиль давности \d из 5 среди клиентов проекта\)$/)
      expect(detailOf(ru, 'recency')?.slice(16, 26)).toBe(detailOf(en, 'recency')?.slice(14, 24))
      expect(detailOf(ru, 'spend')).toMatch(/^Чистые траты \d+\.\d{2} GBP \(квинтиль трат \d из 5\)$/)
      expect(detailOf(ru, 'pActive')).toMatch(/^P\(клиент ещё активен\) = \d\.\d{2} по модели BG\/NBD$/)
    }
    // Russian plurals: 12 заказов, 5 заказов, 1 заказ.
    expect(detailOf(await reasons('regular-14', '?locale=ru'), 'frequency')).toMatch(/^12 выполненных заказов \(квинтиль частоты \d из 5\)$/)
    expect(detailOf(await reasons('lapsed-0', '?locale=ru'), 'frequency')).toMatch(/^5 выполненных заказов /)
    expect(detailOf(await reasons('once-0', '?locale=ru'), 'frequency')).toMatch(/^1 выполненный заказ /)
    const page = await http<CustomerPage>(`${server.url}/v1/customers?scoreLabel=HOT&limit=5&locale=ru`, { token: tenant.secretKey })
    expect(page.status).toBe(200)
    expect(page.body.items.length).toBeGreaterThan(0)
    for (const customer of page.body.items) for (const reason of customer.score?.reasons ?? []) expect(reason.detail).toMatch(/[а-яё]/i)
    for (const url of [`${server.url}/v1/customers?locale=de`, `${server.url}/v1/customers/regular-14?locale=de`]) {
      const bad = await http<{ error: { code: string; issues: Array<{ path: string }> } }>(url, { token: tenant.secretKey })
      expect(bad.status).toBe(400)
      expect(bad.body.error.issues[0]?.path).toBe('locale')
    }
  })
})
