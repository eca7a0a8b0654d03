import type { Forecast } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, http } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

describe.each(testDialects())('insights.forecast on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>

  // Twelve weeks of a shop closed on Saturdays: weekdays sell 100 + 10 × weekday, Sundays 50.
  beforeAll(async () => {
    server = await startTestServer(dialect)
    tenant = await createTenant(server.url, { currency: 'GBP', timezone: 'UTC' })
    const events: unknown[] = []
    const start = Date.UTC(2026, 0, 5) // a Monday
    for (let day = 0; day < 84; day++) {
      const date = new Date(start + day * 86_400_000)
      const weekday = date.getUTCDay()
      if (weekday === 6) continue
      const amount = weekday === 0 ? 50 : 100 + 10 * weekday + (day % 3)
      events.push({ type: 'purchase', orderId: `o-${day}`, customerId: `c-${day % 9}`, amount: `${amount}.00`, currency: 'GBP', occurredAt: `${date.toISOString().slice(0, 10)}T12:00:00Z` })
    }
    const response = await http<{ rejected: unknown[] }>(`${server.url}/v1/batch`, { token: tenant.secretKey, body: { events } })
    expect(response.body.rejected).toEqual([])
  }, 120_000)
  afterAll(() => server?.stop())

  it('forecasts the next days with intervals, zero on the closed weekday, and says how accurate it was', async () => {
    const response = await http<Forecast>(`${server.url}/v1/insights/forecast?metric=revenue&interval=day&horizon=14`, { token: tenant.secretKey })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const body = response.body
    expect(body.historyEnd).toBe('2026-03-29')
    expect(body.points).toHaveLength(14)
    expect(body.points[0]?.start).toBe('2026-03-30')
    const saturdays = body.points.filter((point) => new Date(`${point.start}T00:00:00Z`).getUTCDay() === 6)
    expect(saturdays).toHaveLength(2)
    for (const point of saturdays) expect(point).toMatchObject({ closed: true, value: '0.00', upper95: '0.00' })
    const monday = body.points[0]
    expect(Number(monday?.value)).toBeGreaterThan(95)
    expect(Number(monday?.value)).toBeLessThan(125)
    for (const point of body.points) {
      expect(Number(point.lower95)).toBeLessThanOrEqual(Number(point.lower80))
      expect(Number(point.lower80)).toBeLessThanOrEqual(Number(point.value))
      expect(Number(point.value)).toBeLessThanOrEqual(Number(point.upper80))
      expect(Number(point.upper80)).toBeLessThanOrEqual(Number(point.upper95))
    }
    expect(body.backtest?.baseline.model).toBe('seasonal_naive')
    expect(body.backtest?.origins).toBeGreaterThan(0)
    expect(body.model).not.toBe('none')
  })

  it('forecasts weekly orders as numbers', async () => {
    const response = await http<Forecast>(`${server.url}/v1/insights/forecast?metric=orders&interval=week&horizon=4`, { token: tenant.secretKey })
    expect(response.status).toBe(200)
    expect(response.body.points.map((point) => point.start)).toEqual(['2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20'])
    for (const point of response.body.points) expect(typeof point.value).toBe('number')
    // Six open days a week.
    expect(response.body.points[0]?.value).toBeGreaterThan(4.5)
    expect(response.body.points[0]?.value).toBeLessThan(7.5)
  })

  it('says honestly when there is not enough history, and refuses a horizon too long', async () => {
    const empty = await createTenant(server.url)
    const response = await http<Forecast>(`${server.url}/v1/insights/forecast`, { token: empty.secretKey })
    expect(response.status).toBe(200)
    expect(response.body.points).toEqual([])
    expect(response.body.notes[0]).toContain('Not enough history')
    const tooLong = await http<{ error: { issues: Array<{ path: string }> } }>(`${server.url}/v1/insights/forecast?interval=month&horizon=24`, { token: tenant.secretKey })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.error.issues[0]?.path).toBe('horizon')
  })
})
