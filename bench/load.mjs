// Load test on loopback: many concurrent SDK clients (the built packages/sdk) send purchases to the
// real server (packages/server/dist/main.js as its own process) for a fixed time, then every event
// is counted in the database: zero lost, zero duplicated, the money exact. Prints events/s, batch
// latency p50/p99, errors and the server's RSS at start and end. Stops by itself.
//
// Run: node bench/load.mjs [--seconds 60] [--clients 50] [--batch 100] [--json]
//      (after `npm run build`; PostgreSQL when DATABASE_URL is set, else PGlite in a temp dir)
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createCRM } from '../packages/sdk/dist/index.js'
import { createLogger, parseEnv, startServer } from '../packages/server/dist/index.js'

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`)
  return index > 0 ? Number(process.argv[index + 1]) : fallback
}
const SECONDS = option('seconds', 60)
const CLIENTS = option('clients', 50)
const BATCH = option('batch', 100)
const JSON_OUTPUT = process.argv.includes('--json')
const CLUSTER_URL = process.env.DATABASE_URL || undefined
const MAIN = fileURLToPath(new URL('../packages/server/dist/main.js', import.meta.url))
const SECRET = 'load-test-session-secret-0123456789abcdef'
const log = (line) => {
  if (!JSON_OUTPUT) process.stdout.write(`${line}\n`)
}

async function freePort() {
  const probe = createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: CLUSTER_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Resident set size of a process in MB (Linux /proc), or NaN elsewhere. */
function rssMb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

async function trpc(base, path, input, token) {
  const response = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  })
  const body = await response.json()
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body)}`)
  return body.result.data
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

// The database: a fresh PostgreSQL database, or a PGlite directory.
let database
let dbName
let directory
if (CLUSTER_URL) {
  dbName = `rapport_load_${randomBytes(4).toString('hex')}`
  await admin(`create database ${dbName}`)
  const url = new URL(CLUSTER_URL)
  url.pathname = `/${dbName}`
  database = { kind: 'postgres', url: url.toString() }
} else {
  directory = await mkdtemp(join(tmpdir(), 'rapport-load-'))
  database = { kind: 'pglite', directory }
}

const port = await freePort()
const base = `http://127.0.0.1:${port}`
const child = spawn(process.execPath, [MAIN], {
  env: {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: '127.0.0.1',
    RAPPORT_LOG_LEVEL: 'warn',
    RAPPORT_RATE_LIMIT_PER_SECOND: '0',
    RAPPORT_SESSION_SECRET: SECRET,
    ...(database.kind === 'postgres' ? { DATABASE_URL: database.url } : { RAPPORT_DATA_DIR: directory }),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const exited = new Promise((resolve) => child.once('exit', resolve))

try {
  for (let i = 0; ; i++) {
    const ready = await fetch(`${base}/ready`).then(
      (response) => response.status,
      () => 0,
    )
    if (ready === 200) break
    if (i > 600 || child.exitCode !== null) throw new Error('the server did not start')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const email = `load-${randomBytes(4).toString('hex')}@example.com`
  const { token } = await trpc(base, 'auth.register', { name: 'Load', email, password: 'correct horse battery' })
  const created = await trpc(base, 'projects.create', { name: 'Load', currency: 'GBP', timezone: 'Europe/London' }, token)
  const projectId = created.project.id
  const rssStart = rssMb(child.pid)
  log(`load: ${CLIENTS} SDK clients × batches of ${BATCH} for ${SECONDS} s on ${database.kind}; server RSS at start ${rssStart.toFixed(0)} MB`)

  const latencies = []
  let requestErrors = 0
  // Times every batch request (retries each on their own) and counts non-2xx answers and network errors.
  const timedFetch = async (input, init) => {
    const start = performance.now()
    try {
      const response = await fetch(input, init)
      const body = await response.arrayBuffer()
      latencies.push(performance.now() - start)
      if (!response.ok) requestErrors++
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
    } catch (error) {
      requestErrors++
      throw error
    }
  }

  const reported = []
  let sent = 0
  let revenueMinor = 0n
  let rssPeak = rssStart
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMb(child.pid))
  }, 500)
  const started = performance.now()
  const deadline = started + SECONDS * 1000
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const crm = createCRM({ apiKey: created.secretKey.key, host: base, fetch: timedFetch, flushAt: BATCH, maxQueueSize: BATCH * 4, timeout: 30_000, onError: (error) => reported.push(error.message) })
      let n = 0
      // Closed loop: a batch of events, then wait until it is acknowledged, until time is up.
      while (performance.now() < deadline) {
        for (let i = 0; i < BATCH; i++, n++) {
          const minor = BigInt(100 + ((n * 7919 + client * 104_729) % 99_900))
          revenueMinor += minor
          sent++
          crm.purchase({
            orderId: `c${client}-${n}`,
            customerId: `customer-${(client * 31 + n) % 5000}`,
            amount: `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`,
            currency: 'GBP',
            items: [{ productId: `sku-${n % 200}`, quantity: 1 }],
          })
        }
        await crm.flush()
      }
      await crm.shutdown()
    }),
  )
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  const rssEnd = rssMb(child.pid)

  child.kill('SIGTERM')
  await exited
  // Count in the database itself (PGlite opened here once the server has stopped).
  const stored = await startServer({
    env: parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'silent' }),
    database,
    sessionSecret: SECRET,
    log: createLogger('silent'),
  })
  let counts
  try {
    const events = await stored.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow()
    const purchases = await stored.db
      .selectFrom('purchases')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('amount_minor').as('total')])
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow()
    counts = { events: Number(events.n), purchases: Number(purchases.n), revenueMinor: BigInt(purchases.total ?? 0) }
  } finally {
    await stored.close()
  }

  const sorted = latencies.sort((a, b) => a - b)
  const result = {
    database: database.kind,
    clients: CLIENTS,
    batch: BATCH,
    seconds: Math.round(seconds * 10) / 10,
    sent,
    stored: counts.purchases,
    lost: Math.max(0, sent - counts.purchases),
    duplicated: Math.max(0, counts.events - sent),
    revenueExact: counts.revenueMinor === revenueMinor,
    eventsPerSecond: Math.round(sent / seconds),
    batchP50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    batchP99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
    requests: sorted.length,
    requestErrors,
    reportedErrors: reported.length,
    serverRssStartMb: Math.round(rssStart),
    serverRssPeakMb: Math.round(rssPeak),
    serverRssEndMb: Math.round(rssEnd),
  }
  if (JSON_OUTPUT) process.stdout.write(`${JSON.stringify(result)}\n`)
  else {
    log(`sent ${sent}, stored ${counts.purchases} (events ${counts.events}): lost ${result.lost}, duplicated ${result.duplicated}, revenue exact: ${result.revenueExact}`)
    log(`${result.eventsPerSecond} events/s over ${result.seconds} s; batch latency p50 ${result.batchP50Ms} ms, p99 ${result.batchP99Ms} ms (${result.requests} requests)`)
    log(`errors: ${requestErrors} failed requests, ${reported.length} reported by the SDK`)
    log(`server RSS: start ${result.serverRssStartMb} MB, peak ${result.serverRssPeakMb} MB, end ${result.serverRssEndMb} MB`)
  }
  if (result.lost || result.duplicated || !result.revenueExact || reported.length) process.exitCode = 1
} finally {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL')
    await exited
  }
  if (directory) await rm(directory, { recursive: true, force: true })
  if (dbName) await admin(`drop database if exists ${dbName} with (force)`)
}
