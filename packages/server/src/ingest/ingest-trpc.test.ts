import { Writable } from 'node:stream'
import type { BatchResult, IngestResult } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEnv } from '../env.js'
import { createLogger } from '../logger.js'
import { type RapportServer, startServer } from '../server.js'
import { createTenant, http, trpc } from '../test/http.js'
import { createTestDatabase, type TestDatabase, testDialects } from '../test/test-database.js'
import { TEST_SESSION_SECRET } from '../test/test-server.js'

describe.each(testDialects())('ingestion over tRPC, and logs, on %s', (dialect) => {
  let server: RapportServer
  let database: TestDatabase
  let logs = ''

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString()
        done()
      },
    })
    server = await startServer({
      env: parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_RATE_LIMIT_PER_SECOND: '0' }),
      database: database.target,
      sessionSecret: TEST_SESSION_SECRET,
      log: createLogger('trace', sink),
    })
  })
  afterAll(async () => {
    await server?.close()
    await database?.drop()
  })

  it('accepts events through the tRPC procedures with either key kind', async () => {
    const tenant = await createTenant(server.url)
    const identify = await trpc<IngestResult>(server.url, 'ingest.identify', { customerId: 'u1', email: 'u1@example.com' }, { token: tenant.publishableKey })
    expect(identify.body.result?.data.status).toBe('accepted')
    const purchase = await trpc<IngestResult>(server.url, 'ingest.purchase', { orderId: 'T-1', customerId: 'u1', amount: 10, currency: 'GBP' }, { token: tenant.secretKey })
    expect(purchase.body.result?.data.status).toBe('accepted')
    const batch = await trpc<BatchResult>(
      server.url,
      'ingest.batch',
      { events: [{ type: 'track', customerId: 'u1', name: 'opened' }, { type: 'track', customerId: 'u1' }] },
      { token: tenant.publishableKey },
    )
    expect(batch.body.result?.data).toMatchObject({ accepted: 1, rejected: [{ index: 1, issues: [{ path: 'events.1.name' }] }] })
    const invalid = await trpc(server.url, 'ingest.purchase', { orderId: 'T-2', amount: '1.001', currency: 'GBP' }, { token: tenant.secretKey })
    expect(invalid.status).toBe(400)
    expect(invalid.body.error?.data).toMatchObject({ appCode: 'validation_error', issues: [{ path: 'amount' }] })
    const withSession = await trpc(server.url, 'ingest.identify', { customerId: 'u2' }, { token: tenant.token })
    expect(withSession.status).toBe(403)
    const tooBig = await trpc(server.url, 'ingest.batch', { events: [{ type: 'identify', customerId: 'x', name: 'y'.repeat(600_000) }] }, { token: tenant.secretKey })
    expect(tooBig.status).toBe(413)
    const malformed = await http(`${server.url}/trpc/ingest.identify`, { token: tenant.secretKey, rawBody: '{"customerId":', headers: { 'content-type': 'application/json' } })
    expect(malformed.status).toBe(400)
  })

  it('never writes a key, password or session token to the logs', async () => {
    const tenant = await createTenant(server.url)
    await http(`${server.url}/v1/identify`, { token: tenant.secretKey, body: { customerId: 'logged' } })
    await http(`${server.url}/v1/customers?search=logged`, { token: tenant.secretKey })
    await trpc(server.url, 'auth.login', { email: tenant.email, password: 'correct horse battery' })
    await http(`${server.url}/v1/identify`, { token: `${tenant.secretKey}x`, body: { customerId: 'bad-key' } })
    expect(logs).toContain('"path":"/v1/identify"')
    for (const secret of [tenant.secretKey, tenant.publishableKey, tenant.token, 'correct horse battery', tenant.secretKey.slice(7, 39)]) {
      expect(logs).not.toContain(secret)
    }
  })
})
