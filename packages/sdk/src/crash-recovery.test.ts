import { execFile } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createLogger, parseEnv, type RapportServer, startServer } from '@rapport/server'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { createCRM } from './create-crm.js'
import type { RapportError } from './errors.js'
import { freePort, ServerProcess } from './test/server-process.js'
import { startTcpSwitch } from './test/tcp-switch.js'

// Crashes and outages under load: the real server as a child process, killed
// with SIGKILL and started again on the same data, and PostgreSQL cut off and
// brought back. The SDK must deliver every event exactly once, and every event
// the server acknowledged before it died must still be there.

const POSTGRES_URL = process.env.RAPPORT_TEST_DATABASE_URL
const SDK_EVENTS = 3_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

type Database = { url: string } | { directory: string }

/** A fresh PGlite directory, or a fresh database on the test PostgreSQL. */
async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') {
    const directory = await mkdtemp(join(tmpdir(), 'rapport-crash-'))
    cleanups.push(() => rm(directory, { recursive: true, force: true }))
    return { directory }
  }
  const name = `rapport_crash_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  cleanups.push(async () => {
    const drop = new pg.Client({ connectionString: POSTGRES_URL })
    await drop.connect()
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await drop.end()
  })
  const url = new URL(POSTGRES_URL ?? '')
  url.pathname = `/${name}`
  return { url: url.toString() }
}

/** Opens the same data in this process once the child has stopped, to count what was stored. */
async function openStored(database: Database): Promise<RapportServer> {
  return startServer({
    env: parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'silent' }),
    database: 'url' in database ? { kind: 'postgres', url: database.url } : { kind: 'pglite', directory: database.directory },
    sessionSecret: 'server-process-test-secret-0123456789abcdef',
    log: createLogger('silent'),
  })
}

async function seed(url: string): Promise<{ projectId: string; secretKey: string }> {
  const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    return ((await response.json()) as { result: { data: T } }).result.data
  }
  const { token } = await post<{ token: string }>('auth.register', { name: 'Owner', email: `crash-${randomUUID()}@example.com`, password: 'correct horse battery staple' })
  const created = await post<{ project: { id: string }; secretKey: { key: string } }>('projects.create', { name: 'Crash', currency: 'GBP', timezone: 'Europe/London' }, token)
  return { projectId: created.project.id, secretKey: created.secretKey.key }
}

/**
 * SDK clients' events, enqueued a chunk at a time while the test breaks things: a third, then
 * (once `resume` settles, i.e. the server is down) the rest. Counts the requests that failed.
 */
function sdkLoad(url: string, secretKey: string, resume: Promise<void>) {
  const errors: RapportError[] = []
  let failedRequests = 0
  const countingFetch: typeof fetch = async (input, init) => {
    try {
      const response = await fetch(input, init)
      if (!response.ok) failedRequests++
      return response
    } catch (error) {
      failedRequests++
      throw error
    }
  }
  const crm = createCRM({
    apiKey: secretKey,
    host: url,
    fetch: countingFetch,
    flushAt: 100,
    flushInterval: 20,
    maxQueueSize: SDK_EVENTS,
    timeout: 3_000,
    maxRetries: 30,
    onError: (error) => errors.push(error),
  })
  const ids = new Set<string>()
  let revenueMinor = 0n
  let purchases = 0
  let enqueued = 0
  const done = (async () => {
    for (let i = 0; i < SDK_EVENTS; i++) {
      const eventId = randomUUID()
      ids.add(eventId)
      const customerId = `customer-${i % 97}`
      if (i % 2 === 0) {
        const minor = BigInt(100 + ((i * 7919) % 50_000))
        revenueMinor += minor
        purchases++
        crm.purchase({ eventId, customerId, orderId: `order-${i}`, amount: `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`, currency: 'GBP' })
      } else crm.track(customerId, 'step', { i }, { eventId })
      enqueued++
      if (i % 100 === 99) await sleep(20)
      if (enqueued === SDK_EVENTS / 3) await resume
    }
    await crm.flush()
    await crm.shutdown()
  })()
  return {
    errors,
    ids,
    done,
    get enqueued() {
      return enqueued
    },
    get failedRequests() {
      return failedRequests
    },
    get revenueMinor() {
      return revenueMinor
    },
    get purchases() {
      return purchases
    },
  }
}

/** A plain HTTP writer that records which events the server acknowledged (200 with every event accepted). */
function ackRecorder(url: string, secretKey: string) {
  const acknowledged: string[] = []
  let running = true
  const done = (async () => {
    let n = 0
    while (running) {
      const events = Array.from({ length: 20 }, () => ({ type: 'identify', eventId: randomUUID(), customerId: `acked-${n++}`, traits: { n } }))
      try {
        const response = await fetch(`${url}/v1/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secretKey}` },
          body: JSON.stringify({ events }),
        })
        const body = (await response.json()) as { accepted?: number; duplicates?: number }
        if (response.ok && (body.accepted ?? 0) + (body.duplicates ?? 0) === events.length) acknowledged.push(...events.map((event) => event.eventId))
      } catch {
        await sleep(10)
      }
    }
  })()
  return {
    acknowledged,
    async stop() {
      running = false
      await done
    },
  }
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

/** A read through the server: it folds the customer totals the batches left pending, as every read does. */
async function readCustomers(url: string, secretKey: string): Promise<void> {
  const response = await fetch(`${url}/v1/customers?limit=1`, { headers: { authorization: `Bearer ${secretKey}` } })
  expect(response.status).toBe(200)
  await response.json()
}

/** Every SDK event stored once, the money exact, every acknowledged event present. */
async function expectExactlyOnce(database: Database, projectId: string, load: ReturnType<typeof sdkLoad>, acknowledged: string[]): Promise<void> {
  const stored = await openStored(database)
  try {
    const rows = await stored.db.selectFrom('events').select('event_id').where('project_id', '=', projectId).execute()
    const storedIds = new Set(rows.map((row) => row.event_id))
    expect(storedIds.size).toBe(rows.length)
    const missing = [...load.ids].filter((id) => !storedIds.has(id))
    expect(missing, 'SDK events lost').toEqual([])
    const lostAcks = acknowledged.filter((id) => !storedIds.has(id))
    expect(lostAcks, 'acknowledged events lost').toEqual([])
    const purchases = await stored.db
      .selectFrom('purchases')
      .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.sum<string>('amount_minor').as('total')])
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow()
    expect(Number(purchases.count)).toBe(load.purchases)
    expect(BigInt(purchases.total)).toBe(load.revenueMinor)
    const customers = await stored.db
      .selectFrom('customers')
      .select((eb) => [eb.fn.sum<string>('orders_count').as('orders'), eb.fn.sum<string>('net_spent_minor').as('spent')])
      .where('project_id', '=', projectId)
      .where('customer_id', 'like', 'customer-%')
      .executeTakeFirstOrThrow()
    expect(Number(customers.orders)).toBe(load.purchases)
    expect(BigInt(customers.spent)).toBe(load.revenueMinor)
  } finally {
    await stored.close()
  }
}

const kinds: Array<'pglite' | 'postgres'> = POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite']

describe.each(kinds)('crash and restart under load on %s', (kind) => {
  it('SIGKILLed mid-write and restarted on the same data: it opens, every acknowledged event is there, and the SDK delivers everything exactly once', async () => {
    const database = await freshDatabase(kind)
    const server = new ServerProcess({ port: await freePort(), database })
    cleanups.push(() => server.kill())
    await server.start()
    const { projectId, secretKey } = await seed(server.url)

    let killed = () => {}
    const load = sdkLoad(server.url, secretKey, new Promise<void>((resolve) => (killed = resolve)))
    const recorder = ackRecorder(server.url, secretKey)
    await until(() => recorder.acknowledged.length >= 60 && load.enqueued >= SDK_EVENTS / 3, 30_000, 'load to start')
    await server.kill()
    killed()
    await recorder.stop()
    const acknowledged = [...recorder.acknowledged]
    expect(await server.ready()).toBe(0)

    await server.start()
    await load.done
    expect(load.errors).toEqual([])
    // The SDK met the dead server, and recovered on its own.
    expect(load.failedRequests).toBeGreaterThan(0)
    await readCustomers(server.url, secretKey)
    await server.stop()
    await expectExactlyOnce(database, projectId, load, acknowledged)
  }, 60_000)
})

describe.skipIf(!POSTGRES_URL)('PostgreSQL outage under load', () => {
  it('answers /ready 503 while PostgreSQL is away, recovers by itself, and the SDK delivers everything exactly once', async () => {
    const database = await freshDatabase('postgres')
    const real = new URL('url' in database ? database.url : '')
    const tcp = await startTcpSwitch({ host: real.hostname, port: Number(real.port) })
    cleanups.push(() => tcp.close())
    const viaSwitch = new URL(real)
    viaSwitch.port = String(tcp.port)
    const server = new ServerProcess({ port: await freePort(), database: { url: viaSwitch.toString() } })
    cleanups.push(() => server.kill())
    await server.start()
    const { projectId, secretKey } = await seed(server.url)

    let cut = () => {}
    const load = sdkLoad(server.url, secretKey, new Promise<void>((resolve) => (cut = resolve)))
    await until(() => load.enqueued >= SDK_EVENTS / 3, 30_000, 'load to start')
    tcp.cut()
    cut()
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) {
      statuses.push(await server.ready())
      await sleep(200)
    }
    expect(statuses, server.output).toEqual([503, 503, 503])
    tcp.restore()
    let recovered = 0
    for (let i = 0; i < 50 && recovered !== 200; i++) {
      recovered = await server.ready()
      if (recovered !== 200) await sleep(100)
    }
    expect(recovered).toBe(200)
    await load.done
    expect(load.errors).toEqual([])
    expect(load.failedRequests).toBeGreaterThan(0)
    await readCustomers(server.url, secretKey)
    await server.stop()
    await expectExactlyOnce(database, projectId, load, [])
  }, 60_000)
})

describe.skipIf(!POSTGRES_URL)('two server processes on one PostgreSQL', () => {
  it('store each event once when both get the same retried batches at the same time (the database enforces it)', async () => {
    const database = await freshDatabase('postgres')
    const first = new ServerProcess({ port: await freePort(), database })
    const second = new ServerProcess({ port: await freePort(), database })
    cleanups.push(() => first.kill(), () => second.kill())
    await first.start()
    await second.start()
    const { projectId, secretKey } = await seed(first.url)
    let revenueMinor = 0n
    const batches = Array.from({ length: 8 }, (_, b) => ({
      events: Array.from({ length: 250 }, (_, i) => {
        const n = b * 250 + i
        const minor = BigInt(100 + n)
        revenueMinor += minor
        return { type: 'purchase', eventId: randomUUID(), orderId: `o-${n}`, customerId: `c-${n % 41}`, amount: `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`, currency: 'GBP' }
      }),
    }))
    const send = (url: string, body: unknown) =>
      fetch(`${url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secretKey}` }, body: JSON.stringify(body) }).then(
        async (response) => ({ status: response.status, body: (await response.json()) as { accepted: number; duplicates: number } }),
      )
    const answers = await Promise.all(batches.flatMap((batch) => [send(first.url, batch), send(second.url, batch), send(second.url, batch), send(first.url, batch)]))
    expect(answers.every((answer) => answer.status === 200)).toBe(true)
    expect(answers.reduce((sum, answer) => sum + answer.body.accepted, 0)).toBe(2_000)
    expect(answers.reduce((sum, answer) => sum + answer.body.duplicates, 0)).toBe(6_000)
    await first.stop()
    await second.stop()
    const stored = await openStored(database)
    try {
      const totals = await stored.db
        .selectFrom('purchases')
        .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.sum<string>('amount_minor').as('total')])
        .where('project_id', '=', projectId)
        .executeTakeFirstOrThrow()
      expect(Number(totals.count)).toBe(2_000)
      expect(BigInt(totals.total)).toBe(revenueMinor)
      const events = await stored.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('count')).where('project_id', '=', projectId).executeTakeFirstOrThrow()
      expect(Number(events.count)).toBe(2_000)
    } finally {
      await stored.close()
    }
  }, 60_000)
})

const SCRIPTS = fileURLToPath(new URL('../../../scripts/', import.meta.url))

/** A throwaway PostgreSQL cluster of this test's own (scripts/pg-start.sh), so stopping it disturbs no other test. */
async function ownCluster(port: number) {
  const env = { PATH: process.env.PATH, PG_TEST_DIR: join(tmpdir(), `rapport-pg-stop-${randomBytes(4).toString('hex')}`), PG_TEST_PORT: String(port) }
  const script = (name: string) => promisify(execFile)('bash', [join(SCRIPTS, name)], { env, timeout: 60_000 })
  const { stdout } = await script('pg-start.sh')
  return {
    url: stdout.trim(),
    stop: () => script('pg-stop.sh'),
    resume: () => script('pg-resume.sh'),
    remove: async () => {
      await script('pg-stop.sh')
      await rm(env.PG_TEST_DIR, { recursive: true, force: true })
    },
  }
}

// Needs the PostgreSQL binaries, which are there whenever a test cluster is (CI).
describe.skipIf(!POSTGRES_URL)('PostgreSQL stopped and started again under load', () => {
  it('answers /ready 503 while it is down, recovers by itself, and the SDK delivers everything exactly once', async () => {
    const cluster = await ownCluster(await freePort())
    cleanups.push(() => cluster.remove().then(() => {}))
    const database = { url: cluster.url }
    const server = new ServerProcess({ port: await freePort(), database })
    cleanups.push(() => server.kill())
    await server.start()
    const { projectId, secretKey } = await seed(server.url)

    let stopped = () => {}
    const load = sdkLoad(server.url, secretKey, new Promise<void>((resolve) => (stopped = resolve)))
    await until(() => load.enqueued >= SDK_EVENTS / 3, 30_000, 'load to start')
    await cluster.stop()
    stopped()
    expect(await server.ready()).toBe(503)
    await sleep(300)
    expect(await server.ready()).toBe(503)
    await cluster.resume()
    let ready = 0
    for (let i = 0; i < 50 && ready !== 200; i++) {
      ready = await server.ready()
      if (ready !== 200) await sleep(100)
    }
    expect(ready).toBe(200)
    await load.done
    expect(load.errors).toEqual([])
    expect(load.failedRequests).toBeGreaterThan(0)
    await readCustomers(server.url, secretKey)
    await server.stop()
    await expectExactlyOnce(database, projectId, load, [])
  }, 60_000)
})
