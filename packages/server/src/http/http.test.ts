import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { http } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

describe.each(testDialects())('health, OpenAPI and HTTP basics on %s', (dialect) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(dialect)
  })
  afterAll(() => server?.stop())

  it('answers /health and /ready', async () => {
    expect((await http(`${server.url}/health`)).body).toEqual({ status: 'ok' })
    expect((await http(`${server.url}/ready`)).body).toEqual({ status: 'ready', database: dialect })
  })

  it('publishes an OpenAPI 3.1 document generated from the contracts', async () => {
    const doc = await http<{
      openapi: string
      paths: Record<string, unknown>
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> }
    }>(`${server.url}/v1/openapi.json`)
    expect(doc.status).toBe(200)
    expect(doc.body.openapi).toBe('3.1.0')
    expect(Object.keys(doc.body.paths).sort()).toEqual([
      '/v1/batch',
      '/v1/customers',
      '/v1/customers/{customerId}',
      '/v1/identify',
      '/v1/import',
      '/v1/insights/ask',
      '/v1/insights/customers',
      '/v1/insights/forecast',
      '/v1/insights/recommendation-outcomes',
      '/v1/insights/recommendations',
      '/v1/insights/report',
      '/v1/insights/segments',
      '/v1/insights/summary',
      '/v1/insights/trends',
      '/v1/purchase',
      '/v1/refund',
      '/v1/track',
    ])
    // Query parameters come from the same schemas the routes validate with.
    const report = doc.body.paths['/v1/insights/report'] as { get: { parameters: Array<{ name: string; required: boolean }> } }
    expect(report.get.parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name).sort()).toEqual(['from', 'to'])
    const purchase = doc.body.components.schemas.PurchaseEvent
    expect(purchase?.required?.sort()).toEqual(['amount', 'currency', 'orderId'])
    expect(Object.keys(purchase?.properties ?? {})).toContain('items')
  })

  it('answers unknown routes with a JSON 404 and allows browsers to call the API without cookies', async () => {
    const missing = await http<{ error: { code: string } }>(`${server.url}/v1/nothing-here`, { token: 'x' })
    expect(missing.status).toBe(401)
    // A JSON client gets a JSON 404 (a browser asking for HTML gets the dashboard's page, which routes itself).
    const outside = await http<{ error: { code: string } }>(`${server.url}/nothing-here`, { headers: { accept: 'application/json' } })
    expect(outside.status).toBe(404)
    expect(outside.body.error.code).toBe('not_found')
    const preflight = await fetch(`${server.url}/v1/batch`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization')
  })
})
