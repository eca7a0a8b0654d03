import type { AskResult, Summary } from '@rapport/shared'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { createCRM } from './create-crm.js'
import { isPermissionError } from './errors.js'

const HOST = 'http://rapport.test'
const requests: Request[] = []

const summary: Summary = {
  engine: 'deterministic',
  locale: 'ru',
  from: '2025-03-01',
  to: '2025-04-01',
  currency: 'EUR',
  headline: 'Чистая выручка за март 2025 г. снизилась на 12,5 % до 74,85 €',
  sections: [{ kind: 'changes', title: 'Что изменилось', bullets: [{ text: 'Чистая выручка — 74,85 €.', factIds: ['revenue.net'] }] }],
  markdown: '## Чистая выручка за март 2025 г. снизилась на 12,5 % до 74,85 €\n',
  facts: [{ id: 'revenue.net', label: 'net revenue', value: '74.85', formatted: '74,85 €' }],
  notes: [],
  generatedAt: '2025-04-02T08:00:00.000Z',
  cached: false,
}

const answer: AskResult = {
  engine: 'openai',
  locale: 'en',
  answer: 'Your best customer in Germany is Ann, with €74.85 spent.',
  toolCalls: [{ tool: 'search_customers', input: { country: 'Germany', limit: 1 }, data: { customers: [{ customerId: 'user-42', name: 'Ann', netSpent: '74.85' }] } }],
  followUp: 'Who is at risk of leaving?',
  insufficientData: false,
  notes: [],
}

const data = (value: unknown) => HttpResponse.json({ result: { data: value } })
const server = setupServer(
  http.get(`${HOST}/trpc/insights.summary`, ({ request }) => {
    requests.push(request)
    return data(summary)
  }),
  http.post(`${HOST}/trpc/insights.ask`, ({ request }) => {
    requests.push(request)
    return data(answer)
  }),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  requests.length = 0
})
afterAll(() => server.close())

describe('crm.insights assistant', () => {
  const crm = createCRM({ apiKey: 'rk_sec_abc', host: HOST })

  it('queries insights.summary with the period and locale and returns the typed summary', async () => {
    const result = await crm.insights.summary({ from: '2025-03-01', to: '2025-04-01', locale: 'ru' })
    expectTypeOf(result).toEqualTypeOf<Summary>()
    expectTypeOf(result.engine).toEqualTypeOf<'openai' | 'deterministic'>()
    expect(result).toEqual(summary)
    expect(requests[0]?.method).toBe('GET')
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer rk_sec_abc')
    expect(JSON.parse(new URL(requests[0]?.url ?? HOST).searchParams.get('input') ?? 'null')).toEqual({ from: '2025-03-01', to: '2025-04-01', locale: 'ru' })
  })

  it('sends insights.ask as a POST with the question and returns the answer with its sources', async () => {
    const result = await crm.insights.ask({ question: 'Who are my best customers in Germany?' })
    expectTypeOf(result).toEqualTypeOf<AskResult>()
    expect(result).toEqual(answer)
    expect(requests[0]?.method).toBe('POST')
    expect(await requests[0]?.json()).toEqual({ question: 'Who are my best customers in Germany?' })
  })

  it('refuses a publishable key before any request', async () => {
    const browser = createCRM({ apiKey: 'rk_pub_abc', host: HOST })
    await expect(browser.insights.summary({ from: '2025-03-01', to: '2025-04-01' })).rejects.toSatisfy(isPermissionError)
    await expect(browser.insights.ask({ question: 'Top products?' })).rejects.toSatisfy(isPermissionError)
    expect(requests).toHaveLength(0)
  })
})
