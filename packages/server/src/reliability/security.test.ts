import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { CreatedApiKey, SessionResult } from '@rapport/shared'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEnv } from '../env.js'
import { DASHBOARD_CSP, dashboardStatic } from '../http/dashboard-static.js'
import { createLogger } from '../logger.js'
import { startServer } from '../server.js'
import { createTenant, http, trpc } from '../test/http.js'
import { createTestDatabase, testDialects } from '../test/test-database.js'
import { startTestServer, TEST_SESSION_SECRET, type TestServer } from '../test/test-server.js'

const EVIL = 'https://evil.example'

describe.each(testDialects())('sessions, cookies and cross-site requests on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>
  let cookie: string
  beforeAll(async () => {
    server = await startTestServer(dialect, { RAPPORT_TRUST_PROXY: 'true' })
    tenant = await createTenant(server.url)
    const login = await trpc<SessionResult>(server.url, 'auth.login', { email: tenant.email, password: 'correct horse battery' })
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  })
  afterAll(() => server?.stop())

  const createKey = (headers: Record<string, string>, token?: string) =>
    trpc<CreatedApiKey>(server.url, 'keys.create', { projectId: tenant.projectId, kind: 'secret', name: 'x' }, { headers, ...(token ? { token } : {}) })

  it('refuses cookie-authenticated mutations from another origin or site, and accepts them from its own', async () => {
    const foreign = await createKey({ cookie, origin: EVIL })
    expect(foreign.status).toBe(403)
    expect(foreign.body.error?.data.appCode).toBe('forbidden')
    expect((await createKey({ cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await createKey({ cookie, 'sec-fetch-site': 'same-site' })).status).toBe(403)
    expect((await createKey({ cookie, origin: 'null' })).status).toBe(403)
    expect((await createKey({ cookie, origin: server.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    // Non-browser clients send no Origin; a bearer token is never attached by a browser on its own.
    expect((await createKey({ cookie })).status).toBe(200)
    expect((await createKey({ origin: EVIL }, tenant.token)).status).toBe(200)
    // Reads are not refused (CORS keeps their answers from other sites' scripts).
    const me = await trpc(server.url, 'auth.me', undefined, { query: true, headers: { cookie, origin: EVIL } })
    expect(me.status).toBe(200)
    expect(me.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses a cookie-authenticated import from another origin', async () => {
    const csv = 'order_id,ordered_at\nx-1,2025-01-01T00:00:00Z\n'
    const answer = await http<{ error: { code: string } }>(`${server.url}/v1/import?format=generic&projectId=${tenant.projectId}`, {
      rawBody: csv,
      headers: { cookie, origin: EVIL, 'content-type': 'text/csv' },
    })
    expect(answer.status).toBe(403)
    expect(answer.body.error.code).toBe('forbidden')
  })

  it('marks the session cookie Secure when served over HTTPS (behind a trusted proxy)', async () => {
    const overHttps = await trpc(server.url, 'auth.login', { email: tenant.email, password: 'correct horse battery' }, { headers: { 'x-forwarded-proto': 'https' } })
    expect(overHttps.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/)
    const plain = await trpc(server.url, 'auth.login', { email: tenant.email, password: 'correct horse battery' })
    expect(plain.headers.get('set-cookie')).not.toContain('Secure')
  })

  it('lets browsers call the ingestion API with a key but never with credentials', async () => {
    const answer = await fetch(`${server.url}/v1/identify`, {
      method: 'POST',
      headers: { origin: 'https://shop.example', authorization: `Bearer ${tenant.publishableKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerId: 'cors-1' }),
    })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull()
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(answer.headers.get('x-powered-by')).toBeNull()
  })
})

describe('rate limits on sign-in', () => {
  let server: TestServer
  beforeAll(async () => {
    // A generous per-address limit, so that only the per-account login limit is met.
    server = await startTestServer('pglite', { RAPPORT_RATE_LIMIT_PER_SECOND: '1000', RAPPORT_RATE_LIMIT_BURST: '1000' })
  })
  afterAll(() => server?.stop())

  it('limits login attempts per account with 429 and Retry-After, the same for unknown emails, without touching other accounts', async () => {
    const victim = await createTenant(server.url)
    const other = await createTenant(server.url)
    const attempt = (email: string, password = 'wrong password guess') => trpc(server.url, 'auth.login', { email, password })
    // Attempts until the first 429: never before the 11th; by then at most one more per 6 s has refilled.
    const attemptsUntilLimited = async (email: string) => {
      const started = Date.now()
      for (let n = 1; n <= 30; n++) {
        const answer = await attempt(email)
        if (answer.status === 429) return { n, seconds: (Date.now() - started) / 1000, retryAfter: Number(answer.headers.get('retry-after')) }
        expect(answer.status).toBe(401)
      }
      throw new Error('never limited')
    }
    const victimRun = await attemptsUntilLimited(victim.email)
    expect(victimRun.n).toBeGreaterThan(10)
    expect(victimRun.n).toBeLessThanOrEqual(11 + Math.ceil(victimRun.seconds / 6))
    expect(victimRun.retryAfter).toBeGreaterThanOrEqual(1)
    // Limited, even with the right password (and whatever the case of the email).
    expect((await attempt(victim.email.toUpperCase(), 'correct horse battery')).status).toBe(429)
    const unknownRun = await attemptsUntilLimited('nobody-here@example.com')
    expect(unknownRun.n).toBeGreaterThan(10)
    expect(unknownRun.n).toBeLessThanOrEqual(11 + Math.ceil(unknownRun.seconds / 6))
    expect((await attempt(other.email, 'correct horse battery')).status).toBe(200)
  })

  it('answers a login for an unknown email as slowly as one with a wrong password (scrypt either way)', async () => {
    const known = await createTenant(server.url)
    const time = async (email: string) => {
      const started = performance.now()
      const answer = await trpc(server.url, 'auth.login', { email, password: 'not the password' })
      expect(answer.status).toBe(401)
      return performance.now() - started
    }
    await time('warm-up@example.com')
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
    const wrong: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 5; i++) {
      wrong.push(await time(known.email))
      unknown.push(await time(`nobody-${i}@example.com`))
    }
    // Loose bounds: the machine is shared; an unknown email answered without hashing would be ~10× faster.
    const ratio = median(unknown) / median(wrong)
    expect(ratio).toBeGreaterThan(0.4)
    expect(ratio).toBeLessThan(2.5)
  })

  it('limits public calls per address with 429 and Retry-After', async () => {
    // A slow refill: scrypt makes each login slow enough on a busy machine to refill a faster bucket.
    const strict = await startTestServer('pglite', { RAPPORT_RATE_LIMIT_PER_SECOND: '0.01', RAPPORT_RATE_LIMIT_BURST: '3' })
    try {
      const statuses: number[] = []
      let retryAfter: string | null = null
      for (let i = 0; i < 5; i++) {
        const answer = await trpc(strict.url, 'auth.login', { email: `user-${i}@example.com`, password: 'wrong password guess' })
        statuses.push(answer.status)
        if (answer.status === 429) retryAfter = answer.headers.get('retry-after')
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429])
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    } finally {
      await strict.stop()
    }
  })
})

describe('logs', () => {
  it('hold no key, password or token after a full flow at the most verbose level', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'))
        done()
      },
    })
    const database = await createTestDatabase('pglite')
    const server = await startServer({
      env: parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_RATE_LIMIT_PER_SECOND: '0', RAPPORT_LOG_LEVEL: 'trace' }),
      database: database.target,
      sessionSecret: TEST_SESSION_SECRET,
      log: createLogger('trace', sink),
    })
    const secrets: string[] = []
    try {
      const password = 'log-flow correct horse battery'
      const email = 'log-flow@example.com'
      const registered = await trpc<SessionResult>(server.url, 'auth.register', { name: 'Logged', email, password })
      const token = registered.body.result?.data.token ?? ''
      secrets.push(password, token)
      await trpc(server.url, 'auth.login', { email, password: 'a wrong password here' })
      const login = await trpc<SessionResult>(server.url, 'auth.login', { email, password })
      secrets.push(login.body.result?.data.token ?? '')
      const project = await trpc<{ project: { id: string }; publishableKey: { key: string }; secretKey: { key: string } }>(
        server.url,
        'projects.create',
        { name: 'Logged shop', currency: 'EUR', timezone: 'Europe/Berlin' },
        { token },
      )
      const keys = project.body.result?.data
      if (!keys) throw new Error('no project')
      secrets.push(keys.publishableKey.key, keys.secretKey.key)
      const extra = await trpc<CreatedApiKey>(server.url, 'keys.create', { projectId: keys.project.id, kind: 'secret' }, { token })
      secrets.push(extra.body.result?.data.key ?? '')
      await http(`${server.url}/v1/purchase`, { token: keys.publishableKey.key, body: { orderId: 'o-1', amount: '9.99', currency: 'EUR', customerId: 'c-1' } })
      await http(`${server.url}/v1/batch`, { token: keys.publishableKey.key, body: { events: [{ type: 'identify', customerId: 'c-1', traits: { apiKey: keys.secretKey.key } }] } })
      await http(`${server.url}/v1/customers?search=c-1`, { token: keys.secretKey.key })
      await http(`${server.url}/v1/customers`, { token: `${keys.secretKey.key.slice(0, -4)}0000` })
      await http(`${server.url}/v1/customers`, { token: 'not-a-key' })
      await http(`${server.url}/v1/identify`, { token: keys.publishableKey.key, rawBody: '{broken', headers: { 'content-type': 'application/json' } })
      await trpc(server.url, 'auth.me', undefined, { query: true, headers: { cookie: `rapport_session=${token}` } })
      await trpc(server.url, 'auth.logout', {}, { token })
    } finally {
      await server.close()
      await database.drop()
    }
    const text = lines.join('')
    expect(lines.length).toBeGreaterThan(10)
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8)
      // The whole value and its secret tail (what a key prefix does not show).
      expect(text).not.toContain(secret)
      expect(text).not.toContain(secret.slice(-24))
    }
  })
})

describe('dashboard security headers', () => {
  let directory: string
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'rapport-dashboard-'))
    await mkdir(join(directory, 'assets'))
    await writeFile(join(directory, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1.js"></script>')
    await writeFile(join(directory, 'assets', 'app-1.js'), 'console.log(1)')
  })
  afterAll(() => rm(directory, { recursive: true, force: true }))

  it('serves the page and its assets with a CSP that forbids inline script, framing and foreign origins', async () => {
    const app = express().use(dashboardStatic({ directory, fallback: (_req, res) => res.status(500).end() }))
    const listener = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => listener.once('listening', resolve))
    const address = listener.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    try {
      for (const path of ['/', '/p/some-project/customers', '/assets/app-1.js']) {
        const answer = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } })
        expect(answer.status, path).toBe(200)
        expect(answer.headers.get('content-security-policy'), path).toBe(DASHBOARD_CSP)
      }
    } finally {
      await new Promise((resolve) => listener.close(resolve))
    }
    expect(DASHBOARD_CSP).toContain("frame-ancestors 'none'")
    expect(DASHBOARD_CSP).toContain("script-src 'self'")
    expect(DASHBOARD_CSP).not.toContain('unsafe-inline')
  })
})
