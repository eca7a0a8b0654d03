import type { CustomerDetail, RecommendationOutcomes, Recommendations } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, http } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

const DAY = 86_400_000

/** A deterministic pseudo-random sequence (Park–Miller), so the shop is the same every run. */
function prng(seed: number) {
  let state = seed
  return () => {
    state = (state * 16807) % 2147483647
    return (state - 1) / 2147483646
  }
}

/**
 * A synthetic shop built so each kind of recommendation has something real to find:
 * tea and cups bought together; 15 big spenders who ordered every 10 days and went quiet
 * 100 days ago; a scarf that took off in the last 90 days; a lamp that comes back a third
 * of the time; 60 regulars buying a bit of everything.
 */
function shopEvents(now: number) {
  const random = prng(42)
  const events: Array<Record<string, unknown>> = []
  let orderNo = 0
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY - Math.floor(random() * 8) * 3_600_000).toISOString()
  const order = (customerId: string, daysAgo: number, items: Array<[string, number, string]>) => {
    const orderId = `o-${++orderNo}`
    const amount = items.reduce((sum, [, quantity, price]) => sum + quantity * Math.round(Number(price) * 100), 0)
    events.push({
      type: 'purchase',
      orderId,
      customerId,
      amount: (amount / 100).toFixed(2),
      currency: 'GBP',
      country: customerId.endsWith('7') ? 'France' : 'United Kingdom',
      occurredAt: at(daysAgo),
      items: items.map(([productId, quantity, unitPrice]) => ({ productId, name: `Product ${productId}`, quantity, unitPrice })),
    })
    return orderId
  }
  const fillers = ['mug', 'plate', 'bowl', 'spoon', 'fork', 'knife', 'jar', 'tray']
  for (let c = 0; c < 60; c++) {
    for (let n = 0; n < 6; n++) {
      const daysAgo = 5 + Math.floor(random() * 170)
      const items: Array<[string, number, string]> = [[fillers[Math.floor(random() * fillers.length)] ?? 'mug', 1, '5.00']]
      if (random() < 0.25) items.push(['tea', 1, '8.00'], ['cup', 2, '4.00'])
      if (daysAgo < 80 && random() < 0.5) items.push(['scarf', 1, '20.00'])
      if (random() < 0.15) items.push(['lamp', 1, '30.00'])
      order(`regular-${c}`, daysAgo, items)
    }
  }
  // Some tea buyers who never bought cups: the cross-sell audience.
  for (let c = 0; c < 12; c++) order(`tea-only-${c}`, 10 + c, [['tea', 1, '8.00']])
  for (let c = 0; c < 15; c++) for (let n = 0; n < 4; n++) order(`quiet-${c}`, 100 + n * 10, [['plate', 10, '25.00']])
  // The lamp: a third of its units come back.
  let refundNo = 0
  for (const event of events) {
    const items = event.items as Array<{ productId: string }>
    if (items.some((item) => item.productId === 'lamp') && random() < 0.4) {
      const occurredAt = new Date(Date.parse(String(event.occurredAt)) + 2 * 3_600_000).toISOString()
      events.push({ type: 'refund', refundId: `r-${++refundNo}`, orderId: event.orderId, amount: '30.00', currency: 'GBP', occurredAt, items: [{ productId: 'lamp', quantity: 1, unitPrice: '30.00' }] })
    }
  }
  return events
}

describe.each(testDialects())('insights.recommendations on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>
  let first: Recommendations

  beforeAll(async () => {
    server = await startTestServer(dialect)
    tenant = await createTenant(server.url, { currency: 'GBP', timezone: 'UTC' })
    const events = shopEvents(Date.now())
    for (let start = 0; start < events.length; start += 500) {
      const response = await http<{ rejected: unknown[] }>(`${server.url}/v1/batch`, { token: tenant.secretKey, body: { events: events.slice(start, start + 500) } })
      expect(response.body.rejected).toEqual([])
    }
    const response = await http<Recommendations>(`${server.url}/v1/insights/recommendations?limit=50`, { token: tenant.secretKey })
    expect(response.status).toBe(200)
    first = response.body
  }, 60_000)
  afterAll(() => server?.stop())

  it('finds each planted pattern, with evidence, targets and an estimated impact', () => {
    const byType = (type: string) => first.items.filter((item) => item.type === type)
    expect(first.notEnoughData).toBeNull()
    expect(first.issuedAt).not.toBeNull()

    const crossSell = byType('cross_sell')
    const teaCup = crossSell.find((item) => item.products.map((p) => p.productId).sort().join('+') === 'cup+tea')
    expect(teaCup, JSON.stringify(crossSell.map((item) => item.title))).toBeDefined()
    expect(teaCup?.evidence.find((e) => e.label === 'lift')).toBeDefined()
    // Tea-only buyers are the audience of "offer cups to tea buyers".
    if (teaCup?.title.startsWith('Offer Product cup')) expect(teaCup.customers.some((c) => c.customerId.startsWith('tea-only-'))).toBe(true)

    const [winBack] = byType('win_back')
    // All 15 big spenders gone quiet, first (they spent most); regulars only if overdue by their own pace.
    expect(winBack?.customers.slice(0, 15).every((c) => c.customerId.startsWith('quiet-'))).toBe(true)
    const targets = winBack?.customers.length ?? 0
    expect((winBack?.customerCount ?? 0) + (winBack?.controlCount ?? 0)).toBe(targets)
    expect(winBack?.controlCount).toBe(Math.round(targets * 0.1))
    expect(winBack?.customers.filter((c) => c.control)).toHaveLength(winBack?.controlCount ?? -1)

    expect(byType('rising_product').map((item) => item.products[0]?.productId)).toContain('scarf')
    expect(byType('high_refund_product').map((item) => item.products[0]?.productId)).toEqual(['lamp'])
    const [contact] = byType('best_contact_time')
    expect(contact?.evidence.length).toBeGreaterThan(0)

    const [next] = byType('next_best_product')
    expect(next?.customers.length).toBeGreaterThan(0)
    expect(next?.customers.every((c) => c.productId !== null)).toBe(true)

    for (const item of first.items) {
      expect(item.why.length).toBeGreaterThan(20)
      expect(item.expectedImpact.method.length).toBeGreaterThan(20)
      expect(Number(item.expectedImpact.revenue)).toBeGreaterThanOrEqual(0)
      expect(item.confidence).toBeGreaterThanOrEqual(0)
      expect(item.confidence).toBeLessThanOrEqual(1)
    }
    expect(first.items.map((item) => item.rank)).toEqual(first.items.map((_, index) => index + 1))
  })

  it('keeps the issued set while nothing changed, so ids stay stable', async () => {
    const again = await http<Recommendations>(`${server.url}/v1/insights/recommendations?limit=3`, { token: tenant.secretKey })
    expect(again.body.issuedAt).toBe(first.issuedAt)
    expect(again.body.items.map((item) => item.id)).toEqual(first.items.slice(0, 3).map((item) => item.id))
  })

  it('speaks Russian on request: the same set, ids and figures, the words in Russian', async () => {
    const ru = await http<Recommendations>(`${server.url}/v1/insights/recommendations?limit=50&locale=ru`, { token: tenant.secretKey })
    expect(ru.status).toBe(200)
    expect(ru.body.items.map((item) => [item.id, item.expectedImpact.revenue, item.customers.length])).toEqual(
      first.items.map((item) => [item.id, item.expectedImpact.revenue, item.customers.length]),
    )
    for (const item of ru.body.items) {
      expect(item.title).toMatch(/[а-яё]/i)
      expect(item.why).toMatch(/[а-яё]/i)
      expect(item.expectedImpact.method).toMatch(/[а-яё]/i)
      expect(item.evidence.every((e) => /[а-яё]/i.test(e.label))).toBe(true)
    }
    const winBack = ru.body.items.find((item) => item.type === 'win_back')
    expect(winBack?.title).toMatch(/^Верните \d+ ценн/)
    const bad = await http(`${server.url}/v1/insights/recommendations?locale=de`, { token: tenant.secretKey })
    expect(bad.status).toBe(400)
  })

  it('gives every customer up to 10 never-bought next best products', async () => {
    const response = await http<CustomerDetail>(`${server.url}/v1/customers/tea-only-3`, { token: tenant.secretKey })
    expect(response.status).toBe(200)
    const products = response.body.nextBestProducts
    expect(products.length).toBeGreaterThan(0)
    expect(products.length).toBeLessThanOrEqual(10)
    expect(products.map((p) => p.productId)).not.toContain('tea')
    for (let i = 1; i < products.length; i++) expect(products[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(products[i]?.score ?? 0)
    expect(products[0]?.reason.length).toBeGreaterThan(5)
  })

  it('words the next best products\' reasons in Russian on request, with the same products and scores', async () => {
    const en = await http<CustomerDetail>(`${server.url}/v1/customers/tea-only-3`, { token: tenant.secretKey })
    const ru = await http<CustomerDetail>(`${server.url}/v1/customers/tea-only-3?locale=ru`, { token: tenant.secretKey })
    expect(ru.status).toBe(200)
    const withoutReason = (detail: CustomerDetail) => detail.nextBestProducts.map(({ reason: _, ...rest }) => rest)
    expect(withoutReason(ru.body)).toEqual(withoutReason(en.body))
    for (const [i, product] of ru.body.nextBestProducts.entries()) {
      const english = en.body.nextBestProducts[i]?.reason ?? ''
      expect(english).toMatch(/^(\d+ customers who bought .+ also bought it|popular( lately)?: bought by \d+ customers.*)$/)
      expect(product.reason).toMatch(/^(\d+ клиент(а|ов)?, купивш(ий|их) .+, также купил(и)? этот товар|популяр.+: его купил(и)? \d+ клиент.*)$/)
      // The same count in both languages.
      expect(product.reason.match(/\d+/)?.[0]).toBe(english.match(/\d+/)?.[0])
    }
    const bad = await http<{ error: { issues: Array<{ path: string }> } }>(`${server.url}/v1/customers/tea-only-3?locale=de`, { token: tenant.secretKey })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues[0]?.path).toBe('locale')
  })

  it('measures targeted customers against the control group afterwards', async () => {
    const [winBack] = first.items.filter((item) => item.type === 'win_back')
    if (!winBack) throw new Error('no win-back recommendation')
    // Every targeted customer comes back after the recommendation; nobody in the control group does.
    const targeted = winBack.customers.filter((c) => !c.control)
    const events = targeted.map((c, i) => ({ type: 'purchase', orderId: `back-${i}`, customerId: c.customerId, amount: '100.00', currency: 'GBP' }))
    await http(`${server.url}/v1/batch`, { token: tenant.secretKey, body: { events } })
    const outcomes = await http<RecommendationOutcomes>(`${server.url}/v1/insights/recommendation-outcomes`, { token: tenant.secretKey })
    expect(outcomes.status).toBe(200)
    const outcome = outcomes.body.items.find((item) => item.recommendationId === winBack.id)
    const n = targeted.length
    expect(outcome?.targeted).toMatchObject({ customers: n, buyers: n, purchaseRate: 1, revenue: `${n * 100}.00`, revenuePerCustomer: '100.00' })
    expect(outcome?.control).toMatchObject({ customers: winBack.controlCount, buyers: 0, purchaseRate: 0, revenue: '0.00' })
    expect(outcome?.complete).toBe(false)
    expect(outcome?.purchaseRateUplift?.estimate).toBe(1)
    // A small control group leaves a wide interval, but all against none excludes zero.
    expect(outcome?.purchaseRateUplift?.lower95).toBeGreaterThan(0)
    expect(outcome?.verdict).toMatch(/bought more often/)
    const ru = await http<RecommendationOutcomes>(`${server.url}/v1/insights/recommendation-outcomes?locale=ru`, { token: tenant.secretKey })
    expect(ru.body.items.find((item) => item.recommendationId === winBack.id)?.verdict).toMatch(/покупали чаще/)
  })

  it('answers a tiny project with "not enough data yet" and what is needed', async () => {
    const small = await createTenant(server.url, { currency: 'GBP', timezone: 'UTC' })
    await http(`${server.url}/v1/purchase`, { token: small.secretKey, body: { orderId: 'only', customerId: 'ann', amount: '10.00', currency: 'GBP' } })
    const response = await http<Recommendations>(`${server.url}/v1/insights/recommendations`, { token: small.secretKey })
    expect(response.status).toBe(200)
    expect(response.body.items).toEqual([])
    expect(response.body.notEnoughData?.needed.length).toBeGreaterThan(0)
    expect(response.body.notEnoughData?.reason).toMatch(/1 over 1/)
    const ru = await http<Recommendations>(`${server.url}/v1/insights/recommendations?locale=ru`, { token: small.secretKey })
    expect(ru.body.notEnoughData?.reason).toMatch(/нужно не меньше 30 заказов/)
  })

  it('shows each project only its own recommendations and outcomes', async () => {
    const other = await createTenant(server.url, { currency: 'GBP', timezone: 'UTC' })
    const recs = await http<Recommendations>(`${server.url}/v1/insights/recommendations`, { token: other.secretKey })
    expect(recs.body.items).toEqual([])
    const outcomes = await http<RecommendationOutcomes>(`${server.url}/v1/insights/recommendation-outcomes`, { token: other.secretKey })
    expect(outcomes.body.items).toEqual([])
    const foreign = await http(`${server.url}/v1/insights/recommendations?projectId=${tenant.projectId}`, { token: other.secretKey })
    expect(foreign.status).toBeGreaterThanOrEqual(400)
  })
})
