import type { Account, ApiKey, CreatedApiKey, Project, SessionResult } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, http, trpc } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

describe.each(testDialects())('accounts, projects and keys on %s', (dialect) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(dialect)
  })
  afterAll(() => server?.stop())

  it('registers, sets an HttpOnly SameSite cookie, and answers me() with cookie or bearer', async () => {
    const registered = await trpc<SessionResult>(server.url, 'auth.register', { name: 'Ann', email: 'Ann@Example.com', password: 'correct horse' })
    expect(registered.status).toBe(200)
    const cookie = registered.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^rapport_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/)
    const token = registered.body.result?.data.token ?? ''
    const viaBearer = await trpc<Account>(server.url, 'auth.me', undefined, { token, query: true })
    expect(viaBearer.body.result?.data).toMatchObject({ name: 'Ann', email: 'Ann@Example.com' })
    const viaCookie = await trpc<Account>(server.url, 'auth.me', undefined, { query: true, headers: { cookie: cookie.split(';')[0] ?? '' } })
    expect(viaCookie.body.result?.data.name).toBe('Ann')
  })

  it('refuses a second account with the same email (any case) with 409', async () => {
    await trpc(server.url, 'auth.register', { name: 'A', email: 'dup@example.com', password: 'correct horse' })
    const again = await trpc(server.url, 'auth.register', { name: 'B', email: 'DUP@example.com', password: 'another horse' })
    expect(again.status).toBe(409)
    expect(again.body.error?.data).toMatchObject({ appCode: 'conflict', issues: [{ path: 'email', message: 'Already registered' }] })
  })

  it('logs in with the right password only, and says the same for an unknown email', async () => {
    await trpc(server.url, 'auth.register', { name: 'C', email: 'carol@example.com', password: 'correct horse' })
    const ok = await trpc<SessionResult>(server.url, 'auth.login', { email: 'CAROL@example.com', password: 'correct horse' })
    expect(ok.status).toBe(200)
    const wrong = await trpc(server.url, 'auth.login', { email: 'carol@example.com', password: 'wrong horse' })
    const unknown = await trpc(server.url, 'auth.login', { email: 'nobody@example.com', password: 'wrong horse' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(unknown.body.error?.message).toBe(wrong.body.error?.message)
  })

  it('validates registration with field paths', async () => {
    const bad = await trpc(server.url, 'auth.register', { name: '', email: 'not-an-email', password: 'short' })
    expect(bad.status).toBe(400)
    expect(bad.body.error?.data.issues.map((issue) => issue.path).sort()).toEqual(['email', 'name', 'password'])
  })

  it('logout makes the token stop working at once', async () => {
    const tenant = await createTenant(server.url)
    const out = await trpc(server.url, 'auth.logout', {}, { token: tenant.token })
    expect(out.status).toBe(200)
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0')
    const after = await trpc(server.url, 'auth.me', undefined, { token: tenant.token, query: true })
    expect(after.status).toBe(401)
    expect(after.body.error?.data.appCode).toBe('unauthorized')
  })

  it('expired sessions are refused', async () => {
    const short = await startTestServer(dialect, { RAPPORT_SESSION_TTL_HOURS: '0.0003' })
    try {
      const registered = await trpc<SessionResult>(short.url, 'auth.register', { name: 'E', email: 'e@example.com', password: 'correct horse' })
      const token = registered.body.result?.data.token ?? ''
      await new Promise((resolve) => setTimeout(resolve, 2100))
      const me = await trpc(short.url, 'auth.me', undefined, { token, query: true })
      expect(me.status).toBe(401)
    } finally {
      await short.stop()
    }
  })

  it('creates projects with a publishable and a secret key shown once, stored only as a hash', async () => {
    const tenant = await createTenant(server.url)
    const projects = await trpc<Project[]>(server.url, 'projects.list', undefined, { token: tenant.token, query: true })
    expect(projects.body.result?.data).toEqual([expect.objectContaining({ id: tenant.projectId, currency: 'GBP', timezone: 'Europe/London' })])
    expect(tenant.publishableKey).toMatch(/^rk_pub_[0-9A-Za-z]{32}[0-9a-f]{32}$/)
    expect(tenant.secretKey).toMatch(/^rk_sec_/)
    const stored = await server.db.selectFrom('api_keys').selectAll().where('project_id', '=', tenant.projectId).execute()
    expect(stored).toHaveLength(2)
    for (const row of stored) {
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(JSON.stringify(row)).not.toContain(tenant.secretKey.slice(20))
    }
    const listed = await trpc<ApiKey[]>(server.url, 'keys.list', { projectId: tenant.projectId }, { token: tenant.token, query: true })
    expect(JSON.stringify(listed.body)).not.toContain(tenant.secretKey)
    expect(listed.body.result?.data.map((key) => key.kind).sort()).toEqual(['publishable', 'secret'])
  })

  it('rejects an unknown time zone or currency for a project', async () => {
    const tenant = await createTenant(server.url)
    const bad = await trpc(server.url, 'projects.create', { name: 'X', currency: 'eur', timezone: 'Mars/Olympus' }, { token: tenant.token })
    expect(bad.status).toBe(400)
    expect(bad.body.error?.data.issues.map((issue) => issue.path).sort()).toEqual(['currency', 'timezone'])
  })

  it('revokes a key so that it stops working on the next request, and records last use', async () => {
    const tenant = await createTenant(server.url)
    const created = await trpc<CreatedApiKey>(server.url, 'keys.create', { projectId: tenant.projectId, kind: 'secret', name: 'ci' }, { token: tenant.token })
    const key = created.body.result?.data.key ?? ''
    expect((await http(`${server.url}/v1/customers`, { token: key })).status).toBe(200)
    const listed = await trpc<ApiKey[]>(server.url, 'keys.list', { projectId: tenant.projectId }, { token: tenant.token, query: true })
    expect(listed.body.result?.data.find((row) => row.name === 'ci')?.lastUsedAt).not.toBeNull()
    const revoked = await trpc<ApiKey>(server.url, 'keys.revoke', { projectId: tenant.projectId, keyId: created.body.result?.data.id }, { token: tenant.token })
    expect(revoked.body.result?.data.revokedAt).not.toBeNull()
    const after = await http<{ error: { code: string } }>(`${server.url}/v1/customers`, { token: key })
    expect(after.status).toBe(401)
    expect(after.body.error.code).toBe('unauthorized')
  })

  it("keeps accounts out of each other's projects and keys out of other projects", async () => {
    const alice = await createTenant(server.url)
    const mallory = await createTenant(server.url)
    const projectRead = await trpc(server.url, 'projects.get', { projectId: alice.projectId }, { token: mallory.token, query: true })
    expect(projectRead.status).toBe(404)
    const keyList = await trpc(server.url, 'keys.list', { projectId: alice.projectId }, { token: mallory.token, query: true })
    expect(keyList.status).toBe(404)
    const keyCreate = await trpc(server.url, 'keys.create', { projectId: alice.projectId, kind: 'secret' }, { token: mallory.token })
    expect(keyCreate.status).toBe(404)
    const customers = await trpc(server.url, 'customers.list', { projectId: alice.projectId }, { token: mallory.token, query: true })
    expect(customers.status).toBe(404)
    const crossKey = await trpc(server.url, 'customers.list', { projectId: alice.projectId }, { token: mallory.secretKey, query: true })
    expect(crossKey.status).toBe(403)
    const publishableRead = await http<{ error: { code: string } }>(`${server.url}/v1/customers`, { token: alice.publishableKey })
    expect(publishableRead.status).toBe(403)
    expect(publishableRead.body.error.code).toBe('forbidden')
    const keyOnSessionRoute = await trpc(server.url, 'projects.list', undefined, { token: alice.secretKey, query: true })
    expect(keyOnSessionRoute.status).toBe(403)
  })

  it('rate limits a key with 429 and Retry-After', async () => {
    const limited = await startTestServer(dialect, { RAPPORT_RATE_LIMIT_PER_SECOND: '1', RAPPORT_RATE_LIMIT_BURST: '3' })
    try {
      const tenant = await createTenant(limited.url)
      const statuses: number[] = []
      let retryAfter: string | null = null
      for (let i = 0; i < 5; i++) {
        const response = await http(`${limited.url}/v1/identify`, { token: tenant.publishableKey, body: { customerId: `u${i}` } })
        statuses.push(response.status)
        if (response.status === 429) retryAfter = response.headers.get('retry-after')
      }
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200])
      expect(statuses).toContain(429)
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    } finally {
      await limited.stop()
    }
  })
})
