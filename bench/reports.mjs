// Read latency on the imported online-retail dataset: one-year monthly report, trends,
// RFM segments and the first customers page sorted by spend — cold (first read after
// the import builds the rollups) and warm (median and spread of 15 runs).
// Run: node bench/reports.mjs   (after `npx turbo run build --filter=@rapport/server`)
// PostgreSQL when DATABASE_URL is set (a fresh database is created and dropped), else in-memory PGlite.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createLogger, parseEnv, startServer } from '../packages/server/dist/index.js'

const FILE = fileURLToPath(new URL('../../shared/data/online-retail.csv.gz', import.meta.url))
const RUNS = 15
const adminUrl = process.env.DATABASE_URL

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
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

async function timed(url, key) {
  const start = performance.now()
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`)
  return performance.now() - start
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

let database = { kind: 'pglite', directory: undefined }
let dbName
if (adminUrl) {
  dbName = `rapport_bench_${randomBytes(4).toString('hex')}`
  await admin(`create database ${dbName}`)
  const url = new URL(adminUrl)
  url.pathname = `/${dbName}`
  database = { kind: 'postgres', url: url.toString() }
}
const server = await startServer({
  env: parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'silent', RAPPORT_RATE_LIMIT_PER_SECOND: '0' }),
  database,
  sessionSecret: 'bench-session-secret-that-is-long-enough-0000',
  log: createLogger('silent'),
})
try {
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`
  const { token } = await trpc(server.url, 'auth.register', { name: 'Bench', email, password: 'correct horse battery' })
  const created = await trpc(server.url, 'projects.create', { name: 'Bench', currency: 'GBP', timezone: 'Europe/London' }, token)
  const key = created.secretKey.key
  const importStart = performance.now()
  const response = await fetch(`${server.url}/v1/import?format=online-retail`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/gzip' },
    body: readFileSync(FILE),
  })
  const summary = (await response.text()).trim().split('\n').map((line) => JSON.parse(line)).at(-1)
  if (summary?.type !== 'summary') throw new Error(`import failed: ${JSON.stringify(summary)}`)
  console.log(`database   ${database.kind}`)
  console.log(`import     ${((performance.now() - importStart) / 1000).toFixed(1)} s for ${summary.rowsRead.toLocaleString('en')} rows`)

  const reads = {
    'report (2011, monthly)': `/v1/insights/report?from=2011-01-01&to=2012-01-01&interval=month`,
    'report + comparison + breakdown': `/v1/insights/report?from=2011-01-01&to=2012-01-01&interval=month&compareTo=previous_period&breakdownBy=country`,
    'trends (2011, weekly)': `/v1/insights/trends?from=2011-01-01&to=2012-01-01&interval=week`,
    'segments': `/v1/insights/segments?asOf=2011-12-10`,
    'customers (by spend)': `/v1/customers?sort=totalSpent&order=desc&limit=50`,
  }
  const first = await timed(`${server.url}${reads['report (2011, monthly)']}`, key)
  console.log(`first report after import (builds rollups): ${first.toFixed(0)} ms`)
  console.log('read                               median    p10     p90  (ms, warm)')
  for (const [label, path] of Object.entries(reads)) {
    await timed(`${server.url}${path}`, key)
    const times = []
    for (let i = 0; i < RUNS; i++) times.push(await timed(`${server.url}${path}`, key))
    times.sort((a, b) => a - b)
    console.log(`${label.padEnd(34)} ${quantile(times, 0.5).toFixed(1).padStart(6)} ${quantile(times, 0.1).toFixed(1).padStart(6)} ${quantile(times, 0.9).toFixed(1).padStart(7)}`)
  }
} finally {
  await server.close()
  if (dbName && !process.env.BENCH_KEEP_DB) await admin(`drop database if exists ${dbName} with (force)`)
  else if (dbName) console.log(`kept database ${dbName}`)
}
