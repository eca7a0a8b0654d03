import { readFileSync } from 'node:fs'
import type { AskResult, Report, Summary } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, http } from '../test/http.js'
import { decimalE4, ONLINE_RETAIL_CSV as DATASET, onlineRetailLines, splitCsvLine } from '../test/online-retail-csv.js'
import { startTestServer, type TestServer } from '../test/test-server.js'
import { expectGroundedAnswer, expectGroundedSummary } from './assistant-expect.test-support.js'
import { formatMoney } from './number-format.js'

// The deterministic assistant on the real dataset, imported once: its texts are
// checked to cite only its facts and tool data, and its figures against the
// report endpoint and against sums computed here from the raw CSV.

/** Pence from ten-thousandths, half away from zero (the import's rule), per invoice. */
function pence(valueE4: bigint): bigint {
  const sign = valueE4 < 0n ? -1n : 1n
  return sign * (((valueE4 < 0n ? -valueE4 : valueE4) + 50n) / 100n)
}

/** Net spent (orders − credit notes, in pence) of every customer with a row in Germany. */
function germanCustomersNet(): Map<string, bigint> {
  const invoices = new Map<string, { customer: string; sign: bigint; e4: bigint }>()
  const german = new Set<string>()
  for (const line of onlineRetailLines()) {
    const [invoice = '', , , quantity = '', , price = '', customer = '', country = ''] = splitCsvLine(line)
    if (customer === '' || invoice.startsWith('A')) continue
    const refund = invoice.startsWith('C')
    const qty = BigInt(quantity)
    if (!refund && qty < 0n) continue
    if (country === 'Germany') german.add(customer)
    const entry = invoices.get(invoice) ?? { customer, sign: refund ? -1n : 1n, e4: 0n }
    entry.e4 += (refund ? -qty : qty) * decimalE4(price)
    invoices.set(invoice, entry)
  }
  const net = new Map<string, bigint>()
  for (const { customer, sign, e4 } of invoices.values()) if (german.has(customer)) net.set(customer, (net.get(customer) ?? 0n) + sign * pence(e4))
  return net
}

describe('the deterministic assistant on online-retail.csv.gz (pglite)', () => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>

  beforeAll(async () => {
    server = await startTestServer('pglite')
    tenant = await createTenant(server.url, { currency: 'GBP', timezone: 'Europe/London' })
    const response = await fetch(`${server.url}/v1/import?format=online-retail`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.secretKey}`, 'content-type': 'application/gzip' },
      body: readFileSync(DATASET),
    })
    const lines = (await response.text()).trim().split('\n')
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ type: 'summary' })
  }, 900_000)
  afterAll(() => server?.stop())

  const ask = (question: string, locale: 'en' | 'ru') =>
    http<AskResult>(`${server.url}/v1/insights/ask`, { method: 'POST', token: tenant.secretKey, body: { question, locale } })

  it.each(['en', 'ru'] as const)('summarises March 2011 in %s with figures equal to the report', async (locale) => {
    const started = Date.now()
    const response = await http<Summary>(`${server.url}/v1/insights/summary?from=2011-03-01&to=2011-04-01&locale=${locale}`, { token: tenant.secretKey })
    const seconds = (Date.now() - started) / 1000
    expect(response.status).toBe(200)
    const summary = response.body
    expect(summary.engine).toBe('deterministic')
    expectGroundedSummary(summary)
    const report = await http<Report>(`${server.url}/v1/insights/report?from=2011-03-01&to=2011-04-01&compareTo=previous_period`, { token: tenant.secretKey })
    const fact = (id: string) => summary.facts.find((candidate) => candidate.id === id)
    expect(fact('revenue.net')?.value).toBe(report.body.totals.netRevenue)
    expect(fact('orders')?.value).toBe(report.body.totals.orders)
    expect(fact('revenue.net.previous')?.value).toBe(report.body.comparison?.totals.netRevenue)
    expect(summary.headline).toContain(formatMoney(report.body.totals.netRevenue, 'GBP', locale))
    expect(summary.sections.find((section) => section.kind === 'forecast')?.bullets[0]?.factIds).toContain('forecast.value')
    // The top actions are the project's own recommendations.
    const actions = summary.sections.find((section) => section.kind === 'actions')?.bullets ?? []
    expect(actions.map((bullet) => bullet.factIds[0])).toEqual(['actions.1.title', 'actions.2.title', 'actions.3.title'])
    console.info(`summary ${locale}: ${seconds.toFixed(1)} s — ${summary.headline}`)
  })

  it.each(['en', 'ru'] as const)('names the best customers in Germany (%s) with their exact net spent', async (locale) => {
    const question = locale === 'en' ? 'Who are my best customers in Germany?' : 'Кто мои лучшие клиенты в Германии?'
    const response = await ask(question, locale)
    expect(response.body.engine).toBe('deterministic')
    expectGroundedAnswer(response.body, question)
    const data = response.body.toolCalls[0]?.data as { customers: Array<{ customerId: string; netSpent: string; country: string }> }
    const expected = [...germanCustomersNet()].sort(([, a], [, b]) => (b > a ? 1 : b < a ? -1 : 0))
    const [bestId, bestNet] = expected[0] ?? ['', 0n]
    expect(data.customers[0]?.customerId).toBe(bestId)
    expect(data.customers[0]?.netSpent).toBe(`${bestNet / 100n}.${String(bestNet % 100n).padStart(2, '0')}`)
    expect(data.customers.every((customer) => customer.country === 'Germany')).toBe(true)
    expect(response.body.answer).toContain(bestId)
  })

  it.each([
    ['Why did revenue drop in March?', 'en', ['sales_report', 'trends']],
    ['Почему упала выручка в марте?', 'ru', ['sales_report', 'trends']],
    ['What are my top products?', 'en', ['top_products']],
    ['Какие товары самые популярные?', 'ru', ['top_products']],
    ['Which products should I bundle?', 'en', ['product_bundles']],
    ['Какие товары покупают вместе?', 'ru', ['product_bundles']],
    ['What revenue should I expect next month?', 'en', ['forecast']],
    ['Прогноз выручки на следующий месяц', 'ru', ['forecast']],
    ['What should I do next?', 'en', ['recommendations']],
    ['Что мне делать дальше?', 'ru', ['recommendations']],
  ] as const)('answers "%s" (%s) from the tools, grounded', async (question, locale, tools) => {
    const started = Date.now()
    const response = await ask(question, locale)
    expect(response.status).toBe(200)
    expect(response.body.engine).toBe('deterministic')
    expect(response.body.toolCalls.map((call) => call.tool)).toEqual(tools)
    expect(response.body.insufficientData).toBe(false)
    expectGroundedAnswer(response.body, question)
    console.info(`${question} (${((Date.now() - started) / 1000).toFixed(1)} s)\n${response.body.answer}\n`)
  })

  it('answers the March question about March 2011, the latest March with data', async () => {
    const response = await ask('Why did revenue drop in March?', 'en')
    expect(response.body.toolCalls[0]?.input).toMatchObject({ from: '2011-03-01', to: '2011-04-01' })
    expect(response.body.answer).toMatch(/^Net revenue in March 2011 was £[\d,]+\.\d\d, (down|up) [\d.]+% from £[\d,]+\.\d\d/)
  })
})
