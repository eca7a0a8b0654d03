import type { RapportServer } from '@rapport/server'
import { createCRM } from '@rapport/sdk'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openSession, type Session, screenshot, startTestServer } from './harness'

let server: RapportServer
let browser: Browser
let session: Session
let page: Page
const email = `owner-${Date.now()}@example.com`
const password = 'correct horse battery'
let projectPath = ''
let secretKey = ''

/** The API's own answer, to compare with what the page shows. */
async function apiCustomers(): Promise<{ items: Array<{ customerId: string; totals: { netSpent: string; orders: number } }> }> {
  const response = await fetch(`${server.url}/v1/customers`, { headers: { authorization: `Bearer ${secretKey}` } })
  return (await response.json()) as never
}

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startTestServer(), launchBrowser()])
  session = await openSession(browser, server.url)
  page = session.page
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the dashboard, as a person uses it', () => {
  it('sends a visitor without a session to log in, and signs them up', async () => {
    await page.goto('/')
    await page.waitForURL(/\/login/)
    await page.getByRole('heading', { name: 'Log in to Rapport' }).waitFor()
    await screenshot(page, '01-login')

    await page.getByRole('link', { name: 'Sign up' }).click()
    await page.getByLabel('Your name').fill('Ann Owner')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('short')
    await page.getByRole('button', { name: 'Sign up' }).click()
    // The server's field message, next to the field.
    await page.getByText('At least 8 characters', { exact: false }).first().waitFor()
    await page.getByLabel('Password').fill(password)
    await screenshot(page, '02-signup')
    await page.getByRole('button', { name: 'Sign up' }).click()
    await page.waitForURL(/\/projects\/new$/)
  })

  it('creates a project and shows its keys once, with the snippets filled in', async () => {
    await page.getByLabel('Project name').fill('Corner shop')
    await page.getByLabel('Reporting currency').fill('GBP')
    await page.getByLabel('Time zone').fill('Europe/London')
    await page.getByRole('button', { name: 'Create project' }).click()
    await page.waitForURL(/\/p\/[0-9a-f-]+\/connect$/)
    projectPath = new URL(page.url()).pathname.replace(/\/connect$/, '')

    const publishable = (await page.getByTestId('revealed-publishable').textContent()) ?? ''
    secretKey = (await page.getByTestId('revealed-secret').textContent()) ?? ''
    expect(publishable).toMatch(/^rk_pub_/)
    expect(secretKey).toMatch(/^rk_sec_/)
    const sdkCode = await page.locator('figure.code', { hasText: 'createCRM' }).textContent()
    expect(sdkCode).toContain(`apiKey: '${publishable}', host: '${server.url}'`)
    const curl = await page.locator('figure.code', { hasText: 'curl -X POST' }).textContent()
    expect(curl).toContain(`'${server.url}/v1/identify'`)
    expect(curl).toContain(`Bearer ${secretKey}`)

    await page.getByRole('button', { name: 'Copy the default key' }).first().click()
    await page.getByText('Copied').first().waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^rk_(pub|sec)_/)
    await page.getByRole('status').filter({ hasText: 'Waiting for your first event' }).waitFor()
    await screenshot(page, '03-connect')
  })

  it('creates another key, shown once, and revokes it', async () => {
    await page.getByLabel('Kind').selectOption('publishable')
    await page.getByLabel('Name', { exact: true }).fill('web-shop')
    await page.getByRole('button', { name: 'Create key' }).click()
    const row = page.getByRole('row').filter({ hasText: 'web-shop' })
    await row.waitFor()
    page.once('dialog', (dialog) => dialog.accept())
    await row.getByRole('button', { name: /Revoke/ }).click()
    await row.getByText('Revoked').waitFor()
    // Revoked keys are refused by the server at once.
    const keys = await page.locator('.key-text').allTextContents()
    expect(keys).toHaveLength(2)
  })

  it('turns "waiting" into "received" when the app sends its first events with the SDK', async () => {
    const publishable = (await page.getByTestId('revealed-publishable').textContent()) ?? ''
    const crm = createCRM({ apiKey: publishable, host: server.url, onError: (error) => expect.fail(String(error)) })
    crm.identify('user-42', { email: 'ann@example.com', name: 'Ann Buyer', plan: 'pro' })
    crm.purchase({
      customerId: 'user-42',
      orderId: 'A-1001',
      amount: '49.90',
      currency: 'GBP',
      items: [{ productId: 'mug', name: 'Mug', quantity: 2, unitPrice: '24.95' }],
    })
    crm.track('user-42', 'Viewed pricing', { plan: 'pro' })
    for (let i = 0; i < 3; i++) crm.identify(`user-${100 + i}`, { email: `bob${i}@example.com`, name: `Bob ${i}` })
    await crm.shutdown()

    const indicator = page.getByRole('status').filter({ hasText: 'Received!' })
    await indicator.waitFor()
    await screenshot(page, '04-received')
    await indicator.getByRole('link').click()
    await page.waitForURL(/\/customers\/user-/)
  })

  it('lists customers with the figures the API gives, searches and sorts', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Customers' }).click()
    await page.waitForURL(new RegExp(`${projectPath}/customers$`))
    const rows = page.locator('table.customers tbody tr')
    await expect.poll(() => rows.count()).toBe(4)
    const api = await apiCustomers()
    const ann = api.items.find((customer) => customer.customerId === 'user-42')
    expect(ann?.totals.netSpent).toBe('49.90')
    const annRow = rows.filter({ hasText: 'Ann Buyer' })
    await expect.poll(() => annRow.textContent()).toContain('£49.90')
    await screenshot(page, '05-customers')

    await page.getByRole('button', { name: /^Net spent/ }).click()
    await page.waitForURL(/sort=totalSpent/)
    await expect.poll(() => rows.first().textContent()).toContain('Ann Buyer')

    await page.getByRole('searchbox', { name: 'Search customers' }).fill('bob1')
    await page.waitForURL(/search=bob1/)
    await expect.poll(() => rows.count()).toBe(1)
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('nobody-like-this')
    await page.getByText('No customer matches').waitFor()
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('')
    await expect.poll(() => rows.count()).toBe(4)
  })

  it('opens a customer: profile, traits, totals, purchases and the timeline', async () => {
    await page.getByRole('link', { name: 'Ann Buyer' }).click()
    await page.getByRole('heading', { name: 'Ann Buyer', level: 1 }).waitFor()
    expect(await page.getByTestId('net-spent').textContent()).toBe('£49.90')
    const timeline = page.getByRole('list', { name: 'Timeline' })
    await expect.poll(() => timeline.textContent()).toContain('order A-1001')
    expect(await timeline.textContent()).toContain('Viewed pricing')
    expect(await page.locator('dl.facts').last().textContent()).toContain('pro')
    expect(await page.getByRole('table').textContent()).toContain('2× Mug')
    await screenshot(page, '06-customer')
  })

  it('shows the sale on the Overview, and says recommendations need more data', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Overview' }).click()
    await expect.poll(() => page.getByTestId('kpi-netRevenue').textContent()).toContain('£49.90')
    expect(await page.getByTestId('kpi-orders').textContent()).toContain('1')
    await screenshot(page, '06b-overview')
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Recommendations' }).click()
    await page.getByRole('heading', { name: 'Not enough data yet' }).waitFor()
  })

  it('sends an expired session to log in and brings the user back to the page they were on', async () => {
    const customerPath = `${projectPath}/customers/user-42`
    await page.goto(customerPath)
    await page.getByRole('heading', { name: 'Ann Buyer', level: 1 }).waitFor()
    await session.context.clearCookies()
    await page.getByRole('link', { name: 'All customers' }).click()
    await page.waitForURL(/\/login\?next=/)
    expect(new URL(page.url()).searchParams.get('next')).toBe(`${projectPath}/customers`)
    await page.getByText('Your session has ended').waitFor()
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.waitForURL(new RegExp(`${projectPath}/customers$`))
    await page.locator('table.customers').waitFor()
  })

  it('switches to Russian and fits a phone screen', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru')
    await page.getByRole('heading', { name: 'Клиенты' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru')
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true)
    await screenshot(page, '07-customers-ru-phone')
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en')
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  it('logs out: the session stops working', async () => {
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.waitForURL(/\/login$/)
    await page.goto(`${projectPath}/customers`)
    await page.waitForURL(/\/login\?next=/)
  })

  it('logged no console error, CSP violations included', () => {
    expect(session.errors).toEqual([])
  })
})

describe('the server serving the dashboard', () => {
  it('caches hashed assets for a year and index.html never, with a CSP', async () => {
    const index = await fetch(`${server.url}/`)
    expect(index.headers.get('cache-control')).toBe('no-cache')
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await index.text()
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(asset).toBeDefined()
    const script = await fetch(`${server.url}${asset}`)
    expect(script.status).toBe(200)
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('answers deep links with the app, but leaves the APIs and missing assets alone', async () => {
    const deep = await fetch(`${server.url}/p/123/customers`, { headers: { accept: 'text/html' } })
    expect(deep.status).toBe(200)
    expect(await deep.text()).toContain('<div id="root">')
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404)
    expect((await fetch(`${server.url}/v1/customers`)).status).toBe(401)
    expect((await fetch(`${server.url}/health`)).status).toBe(200)
  })
})
