import type { AskResult, Summary } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { http, trpc } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'
import { INJECTION_NAME, OTHER_SECRET, seedOtherTenant, seedShop } from './assistant-shop.test-support.js'
import { expectGroundedAnswer, expectGroundedSummary } from './assistant-expect.test-support.js'

describe.each(testDialects())('the deterministic assistant on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof seedShop>>

  beforeAll(async () => {
    server = await startTestServer(dialect)
    await seedOtherTenant(server.url)
    tenant = await seedShop(server.url)
  })
  afterAll(() => server?.stop())

  const summary = (query: string) => http<Summary>(`${server.url}/v1/insights/summary?${query}`, { token: tenant.secretKey })
  const ask = (question: string, locale: 'en' | 'ru' = 'en') =>
    http<AskResult>(`${server.url}/v1/insights/ask`, { method: 'POST', token: tenant.secretKey, body: { question, locale } })

  it('summarises a month in English and Russian from facts alone, with the drivers, forecast and actions', async () => {
    for (const locale of ['en', 'ru'] as const) {
      const response = await summary(`from=2025-03-01&to=2025-04-01&locale=${locale}`)
      expect(response.status).toBe(200)
      const body = response.body
      expect(body.engine).toBe('deterministic')
      expect(body.locale).toBe(locale)
      expect(body.sections.map((section) => section.kind)).toEqual(['changes', 'drivers', 'forecast', 'actions'])
      expect(body.headline).toMatch(locale === 'en' ? /^Net revenue fell .* in March 2025$/ : /^Чистая выручка за март 2025 г\. снизилась на/)
      expect(body.markdown).toContain(`## ${body.headline.replace(/([\\`*_[\]<>#|])/g, '\\$1')}`)
      expect(body.sections[3]?.bullets.length).toBeGreaterThan(0)
      expect(body.sections[3]?.bullets.length).toBeLessThanOrEqual(3)
      expectGroundedSummary(body)
    }
  })

  it('keeps a summary until the data changes', async () => {
    const first = await summary('from=2025-05-01&to=2025-06-01')
    const again = await summary('from=2025-05-01&to=2025-06-01')
    expect([first.body.cached, again.body.cached]).toEqual([false, true])
    expect(again.body.generatedAt).toBe(first.body.generatedAt)
    const sent = await http(`${server.url}/v1/purchase`, {
      token: tenant.secretKey,
      body: { orderId: 'late-1', customerId: 'c1', amount: '10.00', currency: 'GBP', occurredAt: '2025-05-20T10:00:00Z' },
    })
    expect(sent.status).toBe(200)
    const after = await summary('from=2025-05-01&to=2025-06-01')
    expect(after.body.cached).toBe(false)
    expect(after.body.facts.find((fact) => fact.id === 'orders')?.value).toBe(Number(first.body.facts.find((fact) => fact.id === 'orders')?.value) + 1)
  })

  it.each([
    ['Why did revenue drop in March?', 'en', ['sales_report', 'trends'], /Net revenue in March 2025 was .*, down /],
    ['Почему упала выручка в марте?', 'ru', ['sales_report', 'trends'], /Чистая выручка за март 2025 г\. — .*: снижение на/],
    ['What are my top products?', 'en', ['top_products'], /Top products by net revenue/],
    ['Who are my best customers in Germany?', 'en', ['search_customers'], /Best customers in Germany/],
    ['Кто мои лучшие клиенты в Германии?', 'ru', ['search_customers'], /Лучшие клиенты \(страна: Germany\)/],
    ['Which products should I bundle?', 'en', ['product_bundles'], /Green tea \+ Tea cup|Tea cup \+ Green tea/],
    ['What revenue should I expect next month?', 'en', ['forecast'], /Forecast net revenue \(80% intervals\)/],
    ['Прогноз выручки на следующий месяц', 'ru', ['forecast'], /Прогноз чистой выручки \(интервалы с вероятностью 80\s%\)/],
  ] as const)('answers "%s" from the tools, grounded', async (question, locale, tools, pattern) => {
    const response = await ask(question, locale)
    expect(response.status).toBe(200)
    expect(response.body.engine).toBe('deterministic')
    expect(response.body.toolCalls.map((call) => call.tool)).toEqual(tools)
    expect(response.body.answer).toMatch(pattern)
    expect(response.body.insufficientData).toBe(false)
    expect(response.body.followUp).toBeTruthy()
    expectGroundedAnswer(response.body, question)
    expect(JSON.stringify(response.body)).not.toContain(OTHER_SECRET)
  })

  it('says so when the data cannot answer, and when the question needs a model', async () => {
    const nobody = await ask('Who are my best customers in Japan?')
    expect(nobody.body).toMatchObject({ engine: 'deterministic', insufficientData: true, answer: 'There are no customers with the country Japan in the data.' })
    const poem = await ask('Write me a poem about our shop', 'ru')
    expect(poem.body.answer).toMatch(/^Я не могу ответить на этот вопрос без подключённой AI-модели/)
    expect(poem.body.toolCalls).toEqual([])
    expect(poem.body.insufficientData).toBe(true)
  })

  it('treats a product named like an instruction as a name, and never shows another project', async () => {
    const injected = await ask(INJECTION_NAME)
    expect(injected.body.toolCalls).toEqual([])
    expect(injected.body.answer).toMatch(/^I can't answer that without an AI model configured/)
    const products = await ask('What are my top products?')
    expect(products.body.answer).toContain(`- ${INJECTION_NAME}: `)
    const customers = await ask(`Best customers? ${INJECTION_NAME}`)
    expect(customers.body.toolCalls.map((call) => call.tool)).toEqual(['search_customers'])
    expect(JSON.stringify(customers.body)).not.toContain(OTHER_SECRET)
    const month = await summary('from=2025-03-01&to=2025-04-01')
    expect(month.body.facts.some((fact) => fact.value === INJECTION_NAME)).toBe(true)
    expect(month.body.markdown).not.toContain(OTHER_SECRET)
  })

  it('serves the same over tRPC and validates the input', async () => {
    const viaTrpc = await trpc<AskResult>(server.url, 'insights.ask', { question: 'What are my top products?' }, { token: tenant.secretKey })
    expect(viaTrpc.body.result?.data.toolCalls[0]?.tool).toBe('top_products')
    const summaryViaTrpc = await trpc<Summary>(server.url, 'insights.summary', { from: '2025-03-01', to: '2025-04-01', locale: 'ru' }, { token: tenant.secretKey, query: true })
    expect(summaryViaTrpc.body.result?.data.locale).toBe('ru')
    const issues = async (query: string) => {
      const bad = await summary(query)
      expect(bad.status).toBe(400)
      return (bad.body as unknown as { error: { issues: Array<{ path: string }> } }).error.issues.map((issue) => issue.path)
    }
    expect(await issues('from=2025-03-01&to=2025-04-01&locale=de')).toEqual(['locale'])
    expect(await issues('from=2025-04-01&to=2025-03-01')).toEqual(['to'])
    const empty = await http(`${server.url}/v1/insights/ask`, { method: 'POST', token: tenant.secretKey, body: { question: '  ' } })
    expect(empty.status).toBe(400)
    const publishable = await http(`${server.url}/v1/insights/ask`, { method: 'POST', token: tenant.publishableKey, body: { question: 'top products?' } })
    expect(publishable.status).toBe(403)
  })
})
