import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RapportServer } from '@rapport/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, launchBrowser, openSession, type Session, screenshot, signUpWithProject, startTestServer, trpcQuery } from './harness'

// A small file in the online-retail format: three customers, a guest order, a returned lantern.
const CSV = `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536001,MUG,WHITE MUG,2,2011-01-10 10:00,2.50,12345,United Kingdom
536001,LAMP,LANTERN,1,2011-01-10 10:00,10.00,12345,United Kingdom
536002,MUG,WHITE MUG,4,2011-01-20 11:00,2.50,12346,Germany
536003,LAMP,LANTERN,3,2011-02-05 09:30,10.00,12345,United Kingdom
536004,CARD,GREETING CARD,10,2011-03-15 14:00,0.50,12347,France
536005,MUG,WHITE MUG,1,2011-03-20 16:00,2.50,,United Kingdom
C536006,LAMP,LANTERN,-1,2011-03-25 12:00,10.00,12345,United Kingdom
536007,MUG,WHITE MUG,6,2011-04-02 10:00,2.50,12346,Germany
`

interface Report {
  totals: { netRevenue: string; orders: number }
  series: Array<{ start: string; netRevenue: string; orders: number }>
  breakdown: { rows: Array<{ value: string | null; netRevenue: string }> } | null
  cohorts: Array<{ cohort: string }>
}

let server: RapportServer
let browser: Browser
let session: Session
let page: Page
let projectPath = ''
let projectId = ''

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startTestServer(), launchBrowser()])
  session = await openSession(browser, server.url)
  page = session.page
  ;({ projectPath } = await signUpWithProject(page, { name: 'Online retail', currency: 'GBP', timezone: 'Europe/London' }))
  projectId = projectPath.split('/')[2] ?? ''
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const money = (amount: string) => new Intl.NumberFormat('en', { style: 'currency', currency: 'GBP' }).format(amount as Intl.StringNumericLiteral)

describe('import and analytics pages', () => {
  it('imports an online-retail CSV with progress and a summary', async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    const file = join(ARTIFACTS, 'small-online-retail.csv')
    writeFileSync(file, CSV)
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Import' }).click()
    await page.getByLabel(/Online Retail export/).check()
    await page.getByLabel('CSV file').setInputFiles(file)
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const summary = page.getByTestId('import-summary')
    await summary.waitFor()
    const text = (await summary.textContent()) ?? ''
    expect(text).toContain('Rows read8')
    expect(text).toContain('6 new, 0 already there') // orders
    expect(text).toContain('1 new, 0 already there') // the refund
    await screenshot(page, 'a1-import')

    // The same file again stores nothing twice.
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await expect.poll(async () => (await page.getByTestId('import-summary').textContent()) ?? '').toContain('0 new, 6 already there')
  })

  it('overview: offers the latest period with sales, and shows the figures the API gives', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Overview' }).click()
    await page.getByRole('button', { name: 'Show the latest period with sales' }).click()
    await expect.poll(() => page.url()).toMatch(/from=2011-03-04&to=2011-04-03/)
    const api = await trpcQuery<Report>(page, 'insights.report', { projectId, from: '2011-03-04', to: '2011-04-03', interval: 'day', compareTo: 'previous_period' })
    await expect.poll(() => page.getByTestId('kpi-netRevenue').textContent()).toContain(money(api.totals.netRevenue))
    expect(await page.getByTestId('kpi-orders').textContent()).toContain(String(api.totals.orders))
    await page.locator('.chart canvas').first().waitFor()

    // The forecast panel says what the API says: the model and its backtest, or why there is none.
    const forecast = await trpcQuery<{ model: string; points: unknown[]; notes: string[] }>(page, 'insights.forecast', { projectId, metric: 'revenue', interval: 'day' })
    const panel = page.getByRole('region', { name: 'Net revenue forecast' })
    if (forecast.points.length > 0) await expect.poll(() => panel.getByTestId('forecast-model').textContent()).toContain(`Model: ${forecast.model}`)
    else await expect.poll(() => panel.textContent()).toContain(forecast.notes[0] ?? 'Not enough history')
    await screenshot(page, 'a2-overview')
  })

  it('reports: monthly series, breakdown by country and cohorts match the API', async () => {
    await page.goto(`${projectPath}/reports?from=2011-01-01&to=2011-05-01&interval=month&by=country`)
    const api = await trpcQuery<Report>(page, 'insights.report', { projectId, from: '2011-01-01', to: '2011-05-01', interval: 'month', compareTo: 'previous_period', breakdownBy: 'country', limit: 10 })
    await page.getByText('Figures as a table').click()
    const rows = page.locator('details.series tbody tr')
    await expect.poll(() => rows.count()).toBe(api.series.length)
    for (const [index, point] of api.series.entries()) expect(await rows.nth(index).textContent()).toContain(money(point.netRevenue))
    const germany = api.breakdown?.rows.find((row) => row.value === 'Germany')
    expect(germany).toBeDefined()
    const breakdown = page.getByRole('region', { name: 'Revenue by country' })
    expect(await breakdown.getByRole('row').filter({ hasText: 'Germany' }).textContent()).toContain(money(germany?.netRevenue ?? ''))
    const cohorts = page.locator('table.heatmap tbody tr')
    expect(await cohorts.count()).toBe(api.cohorts.length)
    await page.getByRole('region', { name: 'Trends' }).waitFor()
    await page.locator('.chart canvas').first().waitFor()
    await screenshot(page, 'a3-reports')
  })

  it('customers: filtered by segment and spend, with the segment on the customer page', async () => {
    const segments = await trpcQuery<{ segments: Array<{ segment: string; customers: number }> }>(page, 'insights.segments', { projectId })
    const segment = segments.segments.find((row) => row.customers > 0)
    expect(segment).toBeDefined()
    await page.goto(`${projectPath}/customers?segment=${segment?.segment}`)
    const rows = page.locator('table.customers tbody tr')
    await expect.poll(() => rows.count()).toBe(segment?.customers)

    await page.getByRole('button', { name: 'Reset filters' }).click()
    await expect.poll(() => rows.count()).toBe(3)
    // Without an active filter the filters are folded away.
    await page.locator('summary', { hasText: 'Filters' }).click()
    await page.getByLabel('Spent at least').fill('30')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/minSpent=30/)
    // 12345 spent 15 + 30 − 10 = 35; 12346 spent 25; 12347 spent 5.
    await expect.poll(() => rows.count()).toBe(1)
    await rows.first().getByRole('link').click()
    await page.getByRole('heading', { name: '12345', level: 1 }).waitFor()
    expect(await page.getByTestId('net-spent').textContent()).toBe('£35.00')
    expect(await page.getByTestId('segment').textContent()).not.toBe('—')
    expect(await page.getByTestId('favourites').textContent()).toContain('LANTERN')
    const detail = await trpcQuery<{ customer: { predictions: { pActive: number } | null } }>(page, 'customers.get', { projectId, customerId: '12345' })
    const predictions = page.getByRole('region', { name: 'Predictions' })
    const pActive = detail.customer.predictions?.pActive
    if (pActive === undefined) expect(await predictions.textContent()).toContain('Predictions appear once')
    else expect(await predictions.textContent()).toContain(new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(pActive))
    expect(await page.getByRole('list', { name: 'Timeline' }).textContent()).toContain('Refund')
    await screenshot(page, 'a4-customer')
  })

  it('logged no console error', () => {
    expect(session.errors).toEqual([])
  })
})
