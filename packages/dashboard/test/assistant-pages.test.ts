import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RapportServer } from '@rapport/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, launchBrowser, openSession, type Session, screenshot, signUpWithProject, startTestServer, trpcQuery } from './harness'

// Six orders over three months: too little for recommendations, enough for the assistant's answers.
const CSV = `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
537001,MUG,WHITE MUG,2,2011-01-10 10:00,2.50,22345,United Kingdom
537001,LAMP,LANTERN,1,2011-01-10 10:00,10.00,22345,United Kingdom
537002,MUG,WHITE MUG,4,2011-01-20 11:00,2.50,22346,Germany
537003,LAMP,LANTERN,3,2011-02-05 09:30,10.00,22345,United Kingdom
537004,CARD,GREETING CARD,10,2011-03-15 14:00,0.50,22347,France
537007,MUG,WHITE MUG,6,2011-04-02 10:00,2.50,22346,Germany
`

interface Recommendations {
  items: unknown[]
  notEnoughData: { reason: string; needed: string[] } | null
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
  ;({ projectPath } = await signUpWithProject(page, { name: 'Small shop', currency: 'GBP', timezone: 'Europe/London' }))
  projectId = projectPath.split('/')[2] ?? ''
  mkdirSync(ARTIFACTS, { recursive: true })
  const file = join(ARTIFACTS, 'assistant-online-retail.csv')
  writeFileSync(file, CSV)
  await page.goto(`${projectPath}/import`)
  await page.getByLabel(/Online Retail export/).check()
  await page.getByLabel('CSV file').setInputFiles(file)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await page.getByTestId('import-summary').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('recommendations and ask pages', () => {
  it('recommendations: says honestly what data is missing, as the API does', async () => {
    const api = await trpcQuery<Recommendations>(page, 'insights.recommendations', { projectId, limit: 50 })
    expect(api.items).toEqual([])
    expect(api.notEnoughData).not.toBeNull()
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Recommendations' }).click()
    const panel = page.getByRole('region', { name: 'Not enough data yet' })
    await expect.poll(() => panel.textContent()).toContain(api.notEnoughData?.reason ?? '')
    for (const need of api.notEnoughData?.needed ?? []) expect(await panel.textContent()).toContain(need)
    await page.getByRole('region', { name: 'Did it work?' }).getByText('Nothing to measure yet').waitFor()
    await screenshot(page, 'r1-recommendations')
  })

  it('ask: answers from the data with the tool calls shown, and the follow-up asks again', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Ask' }).click()
    await page.getByLabel('Your question').fill('What are my top products?')
    await page.getByRole('button', { name: 'Ask', exact: true }).click()
    const answer = page.getByTestId('answer')
    await answer.waitFor()
    expect(await answer.locator('.answer-text').textContent()).toContain('LANTERN')
    expect(await answer.getByTestId('engine').textContent()).toContain('no AI model')
    // The answer's heading takes the focus, so a screen reader reads the answer next.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer-title')
    expect(await answer.locator('.tool-call').first().textContent()).toContain('LANTERN')
    const followUp = answer.getByRole('button', { name: 'Which products should I bundle?' })
    await followUp.click()
    await expect.poll(() => page.getByLabel('Your question').inputValue()).toBe('Which products should I bundle?')
    await expect.poll(() => page.getByTestId('answer').locator('.tool-call summary').first().textContent()).not.toContain('top')
    await screenshot(page, 'r2-ask')
  })

  it('ask in Russian: the answer comes in the UI language', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru')
    await page.getByRole('button', { name: 'Какие товары самые популярные?' }).click()
    await expect.poll(() => page.getByTestId('answer').locator('.answer-text').textContent()).toContain('Лучшие товары')
    await page.getByRole('heading', { name: 'Использованные данные' }).waitFor()
    await screenshot(page, 'r3-ask-ru')
  })

  it('logged no console error', () => {
    expect(session.errors).toEqual([])
  })
})
