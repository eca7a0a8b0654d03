import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RapportServer } from '@rapport/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, launchBrowser, openSession, type Session, screenshot, signUpWithProject, startTestServer, trpcQuery } from './harness'
import { seededShopCsv } from './seeded-shop'

interface Recommendations {
  items: Array<{ rank: number; title: string; customers: Array<{ customerId: string; control: boolean }>; evidence: unknown[] }>
  notEnoughData: unknown
}

interface CustomerDetail {
  customer: { score: { value: number; reasons: unknown[] } | null }
  nextBestProducts: Array<{ productId: string; name: string | null }>
}

let server: RapportServer
let browser: Browser
let session: Session
let page: Page
let projectPath = ''
let projectId = ''
let api: Recommendations
const shop = seededShopCsv()
const nav = () => page.getByRole('navigation', { name: /Sections|Разделы/ })

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startTestServer(), launchBrowser()])
  session = await openSession(browser, server.url)
  page = session.page
  ;({ projectPath } = await signUpWithProject(page, { name: 'Gift shop', currency: 'GBP', timezone: 'Europe/London' }))
  projectId = projectPath.split('/')[2] ?? ''
  mkdirSync(ARTIFACTS, { recursive: true })
  const file = join(ARTIFACTS, 'seeded-online-retail.csv')
  writeFileSync(file, shop.csv)
  await page.goto(`${projectPath}/import`)
  await page.getByLabel(/Online Retail export/).check()
  await page.getByLabel('CSV file').setInputFiles(file)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await page.getByTestId('import-summary').waitFor({ timeout: 30_000 })
  api = await trpcQuery<Recommendations>(page, 'insights.recommendations', { projectId, limit: 50 })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('recommendations from real data', () => {
  it('the seeded shop has enough data: ranked recommendations, some with a control group', () => {
    expect(shop.orders).toBeGreaterThanOrEqual(30)
    expect(api.notEnoughData).toBeNull()
    expect(api.items.length).toBeGreaterThanOrEqual(3)
    expect(api.items.some((item) => item.customers.some((customer) => customer.control))).toBe(true)
  })

  it('shows the ranked cards with evidence, impact, customer links and control badges', async () => {
    await nav().getByRole('link', { name: 'Recommendations' }).click()
    const cards = page.getByTestId('recommendation')
    await expect.poll(() => cards.count()).toBe(api.items.length)
    for (const [index, item] of api.items.entries()) {
      const card = cards.nth(index)
      expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(`${item.rank}. ${item.title}`)
      if (item.evidence.length > 0) await card.getByRole('table', { name: `Evidence for: ${item.title}` }).waitFor()
      expect(await card.getByTestId('rec-impact').textContent()).toMatch(/^£[\d,.]+ extra in the next 30 days$/)
    }
    expect(await page.locator('.badge-control').count()).toBe(api.items.flatMap((item) => item.customers.filter((c) => c.control)).length)
    await expect.poll(() => page.locator('.badge-control').first().textContent()).toBe('control')
    await screenshot(page, 's1-recommendations')

    const withCustomers = cards.filter({ has: page.locator('.rec-customers') }).first()
    const link = withCustomers.locator('.rec-customers a').first()
    const href = (await link.getAttribute('href')) ?? ''
    expect(href).toMatch(new RegExp(`^${projectPath}/customers/13\\d{3}$`))
    await link.click()
    await page.waitForURL(`**${href}`)
    const customerId = decodeURIComponent(href.split('/').at(-1) ?? '')
    await page.getByRole('heading', { level: 1, name: new RegExp(customerId) }).waitFor()
    // The customer page: lead score with its reasons and the next best products, as the API gives them.
    const detail = await trpcQuery<CustomerDetail>(page, 'customers.get', { projectId, customerId })
    expect(detail.customer.score).not.toBeNull()
    expect(await page.getByTestId('lead-score').textContent()).toContain(`${detail.customer.score?.value} of 100`)
    expect(await page.getByTestId('score-reasons').locator('li').count()).toBe(detail.customer.score?.reasons.length)
    const nextBest = page.getByRole('region', { name: 'Next best products' })
    if (detail.nextBestProducts.length > 0) expect(await nextBest.locator('li').first().textContent()).toContain(detail.nextBestProducts[0]?.name ?? detail.nextBestProducts[0]?.productId)
    await screenshot(page, 's1b-customer')
    await page.goBack()
    await expect.poll(() => cards.count()).toBe(api.items.length)
  })

  it('customers: the lead score filter lists what the API lists, with each score shown', async () => {
    const hot = await trpcQuery<{ items: Array<{ customerId: string; score: { value: number } | null }> }>(page, 'customers.list', { projectId, scoreLabel: 'HOT', limit: 50 })
    expect(hot.items.length).toBeGreaterThan(0)
    await nav().getByRole('link', { name: 'Customers' }).click()
    await page.getByText('Filters', { exact: true }).click()
    await page.getByLabel('Lead score').selectOption('HOT')
    await page.waitForURL(/score=HOT/)
    const rows = page.getByRole('table', { name: 'Customers' }).locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(hot.items.length)
    for (const cell of await page.getByTestId('score').allTextContents()) expect(cell).toMatch(/^\d+ Hot$/)
    await nav().getByRole('link', { name: 'Recommendations' }).click()
    await expect.poll(() => page.getByTestId('recommendation').count()).toBe(api.items.length)
  })

  it('exports the recommendations as CSV, one row each', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).first().click()])
    expect(download.suggestedFilename()).toBe('recommendations.csv')
    const text = readFileSync((await download.path()) ?? '', 'utf8')
    expect(text.split(/\r?\n/)[0]).toMatch(/^\uFEFF?rank,type,title,why,evidence/)
    for (const item of api.items) expect(text).toContain(item.title)
  })

  it('the overview shows the top three, and the forecast table exports', async () => {
    await nav().getByRole('link', { name: 'Overview' }).click()
    const top = page.getByRole('region', { name: 'Top recommendations' })
    await expect.poll(() => top.locator('.top-recs li').count()).toBe(3)
    expect(await top.locator('.top-recs li strong').allTextContents()).toEqual(api.items.slice(0, 3).map((item) => item.title))

    // The forecast's table exports too, with the API's exact figures.
    const forecast = page.getByRole('region', { name: 'Net revenue forecast' })
    await forecast.getByText('Figures as a table').click()
    const [download] = await Promise.all([page.waitForEvent('download'), forecast.getByRole('button', { name: 'Export CSV' }).click()])
    const rows = readFileSync((await download.path()) ?? '', 'utf8').trim().split(/\r?\n/)
    expect(rows[0]).toMatch(/^\uFEFF?start,value,lower80,upper80,lower95,upper95,closed,currency,model$/)
    expect(rows.length).toBeGreaterThan(1)
  })

  it('ask: a forecast is drawn as a line, top products as bars, each with a text alternative', async () => {
    await nav().getByRole('link', { name: 'Ask' }).click()
    await page.getByLabel('Your question').fill('What is the revenue forecast for the next weeks?')
    await page.getByRole('button', { name: 'Ask', exact: true }).click()
    const chart = page.getByTestId('answer').getByTestId('answer-chart')
    await expect.poll(() => chart.getAttribute('data-kind')).toBe('time')
    expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(/^Forecast from .+, 4 points, as a line chart\. The figures are in the table below\.$/)
    expect(await chart.locator('canvas').count()).toBe(1)
    await screenshot(page, 's2-ask-forecast-chart')

    await page.getByRole('button', { name: 'What are my top products?' }).click()
    await expect.poll(() => chart.getAttribute('data-kind')).toBe('ranking')
    expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(/^Net revenue of \d items as a bar chart, largest first: LANTERN with £/)
    expect(await chart.locator('canvas').count()).toBe(1)
  })

  it('in Russian: the page and the chart speak Russian', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru')
    await page.getByLabel('Ваш вопрос').fill('Какой прогноз выручки на следующие недели?')
    await page.getByRole('button', { name: 'Спросить', exact: true }).click()
    const chart = page.getByTestId('answer').getByTestId('answer-chart')
    await expect.poll(() => chart.getAttribute('data-kind')).toBe('time')
    expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(/^Прогноз с .+ по .+, точек: 4, линейным графиком\. Цифры — в таблице ниже\.$/)
    await page.getByRole('button', { name: 'Какие товары самые популярные?' }).click()
    await expect.poll(() => chart.getAttribute('data-kind')).toBe('ranking')
    expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(/^Чистая выручка: \d позиций столбчатой диаграммой/)
    await screenshot(page, 's3-ask-chart-ru')

    await nav().getByRole('link', { name: 'Рекомендации' }).click()
    await expect.poll(() => page.getByTestId('recommendation').count()).toBe(api.items.length)
    expect(await page.locator('.badge-control').first().textContent()).toBe('контроль')
    // The server writes the recommendations themselves in Russian too.
    expect(await page.getByTestId('recommendation').first().locator('h3, h2').first().textContent()).toMatch(/[а-яё]/i)
    await page.getByRole('button', { name: 'Экспорт CSV' }).first().waitFor()
    await nav().getByRole('link', { name: 'Обзор' }).click()
    await expect.poll(() => page.getByRole('region', { name: 'Главные рекомендации' }).locator('.top-recs li').count()).toBe(3)
    await screenshot(page, 's4-overview-ru')
  })

  it('fits a phone screen: recommendations and an answer with its chart scroll no page sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    await page.goto(`${projectPath}/recommendations`)
    await expect.poll(() => page.getByTestId('recommendation').count()).toBe(api.items.length)
    expect(await overflow()).toBeLessThanOrEqual(0)
    await screenshot(page, 's5-recommendations-phone')
    await page.goto(`${projectPath}/ask`)
    await page.getByRole('button', { name: 'Какие товары самые популярные?' }).click()
    const chart = page.getByTestId('answer').getByTestId('answer-chart')
    await expect.poll(() => chart.getAttribute('data-kind')).toBe('ranking')
    expect(await overflow()).toBeLessThanOrEqual(0)
    const canvas = await chart.locator('canvas').boundingBox()
    expect(canvas?.width ?? 999).toBeLessThanOrEqual(390)
    await screenshot(page, 's6-ask-chart-phone')
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  it('keyboard only: the skip link, then a question typed and sent with Enter, the answer and chart focused next', async () => {
    await page.goto(`${projectPath}/ask`)
    await page.getByRole('heading', { level: 1, name: 'Вопрос' }).waitFor()
    const focused = () => page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '' }))
    await page.keyboard.press('Tab')
    expect((await focused()).text).toBe('К содержимому')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused()).id).toBe('main')
    for (let tabs = 0; tabs < 10 && (await focused()).tag !== 'TEXTAREA'; tabs++) await page.keyboard.press('Tab')
    expect((await focused()).tag).toBe('TEXTAREA')
    await page.keyboard.type('Какой прогноз выручки?')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused()).id).toBe('answer-title')
    await expect.poll(() => page.getByTestId('answer-chart').getAttribute('data-kind')).toBe('time')
  })

  it('exports the API keys list as CSV, prefixes only', async () => {
    const keys = await trpcQuery<Array<{ prefix: string }>>(page, 'keys.list', { projectId })
    await page.goto(`${projectPath}/connect`)
    const panel = page.getByRole('region', { name: 'API-ключи' })
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Экспорт CSV' }).click()])
    const rows = readFileSync((await download.path()) ?? '', 'utf8').trim().split(/\r?\n/)
    expect(rows[0]).toMatch(/^\uFEFF?id,kind,name,prefix,createdAt,lastUsedAt,revokedAt$/)
    expect(rows.length).toBe(keys.length + 1)
    for (const key of keys) expect(rows.join('\n')).toContain(key.prefix)
    expect(rows.join('\n')).not.toMatch(/rk_\w+_[A-Za-z0-9]{20,}/)
  })

  it('logged no console error', () => {
    expect(session.errors).toEqual([])
  })
})
