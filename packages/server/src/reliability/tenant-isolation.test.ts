import type { SessionResult } from '@rapport/shared'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRouter } from '../router.js'
import { type HttpResult, http, trpc } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'
import { type SeededTenant, seedTenant } from '../test/tenants.js'
import { HTTP_ISOLATION_CASES, type HttpCall, PROCEDURE_ISOLATION_CASES, type TenantIds } from './isolation-cases.js'

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>

function idsOf(tenant: SeededTenant): TenantIds {
  return { projectId: tenant.projectId, customerId: tenant.customerId, orderId: tenant.orderId, refundId: tenant.refundId, keyId: tenant.spareKeyId }
}

/** Drops `projectId` from an input object (a secret key names its project itself). */
function withoutProject(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input
  const { projectId: _dropped, ...rest } = input as Record<string, unknown>
  return rest
}

describe('the isolation tables cover the whole API', () => {
  it('has a case for every tRPC procedure of appRouter (add one line to PROCEDURE_ISOLATION_CASES for a new one)', () => {
    expect(Object.keys(PROCEDURE_ISOLATION_CASES).sort()).toEqual(Object.keys(procedures).sort())
  })
})

describe.each(testDialects())('tenant isolation on %s', (dialect) => {
  let server: TestServer
  let alice: SeededTenant
  let mallory: SeededTenant

  beforeAll(async () => {
    server = await startTestServer(dialect)
    alice = await seedTenant(server.url, 'alice')
    mallory = await seedTenant(server.url, 'mallory')
  })
  afterAll(() => server?.stop())

  /** Everything stored for alice's project and account, to prove an attacker's call changed nothing. */
  async function aliceState(): Promise<string> {
    const p = alice.projectId
    const result = await sql<Record<string, unknown>>`
      select
        (select count(*) from events where project_id = ${p}) as events,
        (select coalesce(json_agg(c order by c.customer_id), '[]'::json) from customers c where project_id = ${p}) as customers,
        (select coalesce(json_agg(o order by o.order_id), '[]'::json) from purchases o where project_id = ${p}) as purchases,
        (select coalesce(json_agg(r order by r.refund_id), '[]'::json) from refunds r where project_id = ${p}) as refunds,
        (select count(*) from api_keys where project_id = ${p} and revoked_at is null) as active_keys,
        (select count(*) from projects where account_id = (select account_id from projects where id = ${p})) as projects
    `.execute(server.db)
    return JSON.stringify(result.rows[0], (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))
  }

  /** A response given to mallory must hold none of alice's strings. */
  function expectNoAliceData(label: string, answer: HttpResult): void {
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
    for (const marker of alice.markers) expect(text.includes(marker), `${label} leaked "${marker}": ${text.slice(0, 300)}`).toBe(false)
  }

  async function freshSession(tenant: SeededTenant): Promise<string> {
    const login = await trpc<SessionResult>(server.url, 'auth.login', { email: tenant.email, password: tenant.password })
    const token = login.body.result?.data.token
    if (!token) throw new Error(`login failed: ${JSON.stringify(login.body)}`)
    return token
  }

  describe.each(Object.entries(PROCEDURE_ISOLATION_CASES))('tRPC %s', (path, testCase) => {
    const call = (input: unknown, token?: string) =>
      trpc(server.url, path, input, { ...(token === undefined ? {} : { token }), query: procedures[path]?._def.type === 'query' })

    it('refuses other tenants, the wrong kind of credential and revoked keys, and leaks nothing', async () => {
      const before = await aliceState()
      const expectStatus = async (label: string, answer: Promise<HttpResult>, status: number) => {
        const got = await answer
        expect(got.status, `${path} ${label}: ${JSON.stringify(got.body).slice(0, 300)}`).toBe(status)
        expectNoAliceData(`${path} ${label}`, got)
        return got
      }
      switch (testCase.access) {
        case 'public':
          expect(testCase.why.length).toBeGreaterThan(0)
          return
        case 'account': {
          const input = testCase.input(idsOf(alice))
          await expectStatus("with alice's secret key", call(input, alice.secretKey), 403)
          await expectStatus("with alice's publishable key", call(input, alice.publishableKey), 403)
          await expectStatus('without credentials', call(input), 401)
          await expectStatus("with mallory's own fresh session", call(input, await freshSession(mallory)), 200)
          break
        }
        case 'manage': {
          const input = testCase.input(idsOf(alice))
          await expectStatus("with mallory's session and alice's ids", call(input, mallory.token), 404)
          // Her own project with alice's key id (keys.revoke): nothing of alice's is found, let alone changed.
          const mixed = await call(testCase.input({ ...idsOf(alice), projectId: mallory.projectId }), mallory.token)
          expect([200, 404], `${path} mixed ids: ${mixed.status}`).toContain(mixed.status)
          expectNoAliceData(`${path} with mallory's project and alice's other ids`, mixed)
          await expectStatus("with alice's secret key", call(input, alice.secretKey), 403)
          await expectStatus("with alice's publishable key", call(input, alice.publishableKey), 403)
          await expectStatus("with alice's revoked key", call(input, alice.revokedKey), 401)
          await expectStatus('without credentials', call(input), 401)
          break
        }
        case 'read': {
          const input = testCase.input(idsOf(alice))
          await expectStatus("with mallory's session and alice's project", call(input, mallory.token), 404)
          await expectStatus("with mallory's secret key and alice's project", call(input, mallory.secretKey), 403)
          await expectStatus("with alice's publishable key", call(input, alice.publishableKey), 403)
          await expectStatus("with alice's revoked key", call(input, alice.revokedKey), 401)
          await expectStatus('without credentials', call(input), 401)
          // Alice's customer and order ids, asked for in mallory's own project: hers or nothing, never alice's.
          const mixed = await call(withoutProject(input), mallory.secretKey)
          expect([200, 404], `${path} mixed ids: ${mixed.status} ${JSON.stringify(mixed.body).slice(0, 300)}`).toContain(mixed.status)
          expectNoAliceData(`${path} with mallory's key and alice's other ids`, mixed)
          break
        }
        case 'ingest': {
          const input = testCase.input(idsOf(alice))
          await expectStatus("with alice's session", call(input, alice.token), 403)
          await expectStatus("with alice's revoked key", call(input, alice.revokedKey), 401)
          await expectStatus('without credentials', call(input), 401)
          // Mallory's keys with alice's ids write to mallory's project only.
          await expectStatus("with mallory's publishable key and alice's ids", call(input, mallory.publishableKey), 200)
          await expectStatus("with mallory's secret key and alice's ids", call(input, mallory.secretKey), 200)
          break
        }
      }
      expect(await aliceState(), `${path}: alice's data changed`).toBe(before)

      // The owner gets through with the same input: the refusals above are not validation errors.
      const own = testCase.input(idsOf(alice))
      if (testCase.access === 'manage') expect((await call(own, alice.token)).status).toBe(200)
      if (testCase.access === 'read') {
        expect((await call(own, alice.token)).status).toBe(testCase.ownerStatus)
        expect((await call(withoutProject(own), alice.secretKey)).status).toBe(testCase.ownerStatus)
      }
      if (testCase.access === 'ingest') expect((await call(own, alice.publishableKey)).status).toBe(200)
    })
  })

  describe('HTTP /v1', () => {
    it('has a case for every operation of the OpenAPI document (add one line to HTTP_ISOLATION_CASES for a new route)', async () => {
      const doc = await http<{ paths: Record<string, Record<string, unknown>> }>(`${server.url}/v1/openapi.json`)
      const operations = Object.entries(doc.body.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      expect(Object.keys(HTTP_ISOLATION_CASES).sort()).toEqual(operations.sort())
    })

    /** `projectId` goes where the route reads its input: a JSON body, else the query string. */
    const send = (method: string, call: HttpCall, token?: string, projectId?: string) => {
      const inBody = projectId !== undefined && typeof call.body === 'object' && call.body !== null
      const request: HttpCall = inBody ? { ...call, body: { ...(call.body as Record<string, unknown>), projectId } } : call
      const query = new URLSearchParams({ ...request.query, ...(projectId === undefined || inBody ? {} : { projectId }) }).toString()
      const url = `${server.url}${request.path}${query ? `?${query}` : ''}`
      const headers: Record<string, string> = request.contentType ? { 'content-type': request.contentType } : {}
      return http(url, {
        method,
        ...(token === undefined ? {} : { token }),
        ...(request.rawBody === undefined ? {} : { rawBody: request.rawBody }),
        ...(request.body === undefined ? {} : { body: request.body }),
        headers,
      })
    }

    it.each(Object.entries(HTTP_ISOLATION_CASES))('%s refuses other tenants and leaks nothing', async (operation, testCase) => {
      const method = operation.split(' ')[0] ?? 'GET'
      const before = await aliceState()
      const expectStatus = async (label: string, answer: Promise<HttpResult>, status: number) => {
        const got = await answer
        expect(got.status, `${operation} ${label}: ${JSON.stringify(got.body).slice(0, 300)}`).toBe(status)
        expectNoAliceData(`${operation} ${label}`, got)
      }
      const request = testCase.call(idsOf(alice))
      if (testCase.access === 'read') {
        await expectStatus("with mallory's session and alice's project", send(method, request, mallory.token, alice.projectId), 404)
        await expectStatus("with mallory's secret key and alice's project", send(method, request, mallory.secretKey, alice.projectId), 403)
        await expectStatus("with alice's publishable key", send(method, request, alice.publishableKey), 403)
        await expectStatus("with alice's revoked key", send(method, request, alice.revokedKey), 401)
        await expectStatus('without credentials', send(method, request), 401)
        const mixed = await send(method, request, mallory.secretKey)
        expect([200, 404]).toContain(mixed.status)
        expectNoAliceData(`${operation} with mallory's key and alice's ids`, mixed)
        expect(await aliceState(), `${operation}: alice's data changed`).toBe(before)
        expect((await send(method, request, alice.token, alice.projectId)).status).toBe(200)
        expect((await send(method, request, alice.secretKey)).status).toBe(200)
      } else {
        await expectStatus("with alice's session", send(method, request, alice.token), 403)
        await expectStatus("with alice's revoked key", send(method, request, alice.revokedKey), 401)
        await expectStatus('without credentials', send(method, request), 401)
        await expectStatus("with mallory's publishable key and alice's ids", send(method, request, mallory.publishableKey), 200)
        expect(await aliceState(), `${operation}: alice's data changed`).toBe(before)
        expect((await send(method, request, alice.publishableKey)).status).toBe(200)
      }
    })
  })

  it("stores what mallory sent with alice's ids in mallory's project", async () => {
    const copy = await server.db.selectFrom('customers').select('customer_id').where('project_id', '=', mallory.projectId).where('customer_id', '=', alice.customerId).execute()
    expect(copy).toHaveLength(1)
  })
})
