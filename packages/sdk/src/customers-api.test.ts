import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCRM } from './create-crm.js'
import { isAPIError, isConnectionError, isPermissionError } from './errors.js'

const HOST = 'http://rapport.test'
const requests: Request[] = []
const server = setupServer(
  http.get(`${HOST}/trpc/customers.get`, ({ request }) => {
    requests.push(request)
    return HttpResponse.json(
      { error: { message: 'No such customer', code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404, appCode: 'not_found', issues: [] } } },
      { status: 404, headers: { 'X-Request-Id': 'req-9' } },
    )
  }),
  http.get(`${HOST}/trpc/customers.list`, ({ request }) => {
    requests.push(request)
    return HttpResponse.json({ result: { data: { items: [], nextCursor: null } } })
  }),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('crm.customers', () => {
  it('refuses a publishable key before any request', async () => {
    const crm = createCRM({ apiKey: 'rk_pub_abc', host: HOST })
    await expect(crm.customers.list()).rejects.toSatisfy(isPermissionError)
    await expect(crm.customers.get('user-1')).rejects.toSatisfy(isPermissionError)
    expect(requests).toHaveLength(0)
  })

  it('calls tRPC with the secret key and returns the typed page', async () => {
    const crm = createCRM({ apiKey: 'rk_sec_abc', host: HOST })
    await expect(crm.customers.list({ search: 'ann', limit: 50 })).resolves.toEqual({ items: [], nextCursor: null })
    const request = requests.at(-1)
    expect(request?.headers.get('authorization')).toBe('Bearer rk_sec_abc')
    expect(JSON.parse(new URL(request?.url ?? '').searchParams.get('input') ?? '')).toEqual({ search: 'ann', limit: 50 })
  })

  it('passes the locale of the reasons', async () => {
    const crm = createCRM({ apiKey: 'rk_sec_abc', host: HOST })
    await crm.customers.list({ scoreLabel: 'HOT', locale: 'ru' })
    expect(JSON.parse(new URL(requests.at(-1)?.url ?? '').searchParams.get('input') ?? '')).toEqual({ scoreLabel: 'HOT', locale: 'ru' })
    await crm.customers.get('user-1', { locale: 'ru' }).catch(() => undefined)
    expect(JSON.parse(new URL(requests.at(-1)?.url ?? '').searchParams.get('input') ?? '')).toEqual({ customerId: 'user-1', locale: 'ru' })
    await crm.customers.get('user-1').catch(() => undefined)
    expect(JSON.parse(new URL(requests.at(-1)?.url ?? '').searchParams.get('input') ?? '')).toEqual({ customerId: 'user-1' })
  })

  it('turns server errors into APIError with status, code and request id', async () => {
    const crm = createCRM({ apiKey: 'rk_sec_abc', host: HOST })
    const error = await crm.customers.get('ghost').catch((caught: unknown) => caught)
    expect(isAPIError(error) && { status: error.status, code: error.code, requestId: error.requestId }).toEqual({ status: 404, code: 'not_found', requestId: 'req-9' })
  })

  it('reads an error answered before tRPC (the HTTP API shape) and its Retry-After', async () => {
    server.use(
      http.get(`${HOST}/trpc/customers.list`, () =>
        HttpResponse.json({ error: { code: 'rate_limited', message: 'Slow down', issues: [] } }, { status: 429, headers: { 'Retry-After': '3' } }),
      ),
    )
    const crm = createCRM({ apiKey: 'rk_sec_abc', host: HOST })
    const error = await crm.customers.list().catch((caught: unknown) => caught)
    server.resetHandlers()
    expect(isAPIError(error) && { status: error.status, code: error.code, message: error.message, retryAfterMs: error.retryAfterMs }).toEqual({
      status: 429,
      code: 'rate_limited',
      message: 'Slow down',
      retryAfterMs: 3000,
    })
  })

  it('turns a 2xx that is not a tRPC result (a proxy page) into an APIError', async () => {
    server.use(http.get(`${HOST}/trpc/customers.list`, () => new HttpResponse('<html>maintenance</html>', { status: 200 })))
    const crm = createCRM({ apiKey: 'rk_sec_abc', host: HOST })
    const error = await crm.customers.list().catch((caught: unknown) => caught)
    server.resetHandlers()
    expect(isAPIError(error) && { status: error.status, code: error.code }).toEqual({ status: 200, code: 'http_error' })
  })

  it('turns an unreachable server into ConnectionError', async () => {
    const crm = createCRM({ apiKey: 'rk_sec_abc', host: 'http://127.0.0.1:9', fetch: () => Promise.reject(new TypeError('fetch failed')) })
    await expect(crm.customers.list()).rejects.toSatisfy(isConnectionError)
  })
})
