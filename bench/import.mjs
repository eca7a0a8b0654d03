// Full online-retail import through POST /v1/import: rows/s and seconds.
// Run: node bench/import.mjs   (after `npx turbo run build --filter=@rapport/server`)
// PostgreSQL when DATABASE_URL is set (a fresh database is created on it and dropped), else in-memory PGlite.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createLogger, parseEnv, startServer } from '../packages/server/dist/index.js'

const FILE = fileURLToPath(new URL('../../shared/data/online-retail.csv.gz', import.meta.url))
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
  const body = readFileSync(FILE)
  const cpuBefore = process.cpuUsage()
  const start = performance.now()
  const response = await fetch(`${server.url}/v1/import?format=online-retail`, {
    method: 'POST',
    headers: { authorization: `Bearer ${created.secretKey.key}`, 'content-type': 'application/gzip' },
    body,
  })
  const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line))
  const seconds = (performance.now() - start) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const summary = lines.at(-1)
  if (response.status !== 200 || summary?.type !== 'summary') throw new Error(`import failed: ${response.status} ${JSON.stringify(summary)}`)
  // The request also brings reports up to date with the imported days; the import itself is `seconds - analyticsSeconds`.
  const importSeconds = seconds - summary.analyticsSeconds
  const rowsPerSecond = Math.round(summary.rowsRead / importSeconds)
  console.log(`database     ${database.kind}`)
  console.log(`rows         ${summary.rowsRead.toLocaleString('en')}`)
  console.log(`events       ${summary.events.accepted.toLocaleString('en')} accepted`)
  console.log(`seconds      ${importSeconds.toFixed(1)} import + ${summary.analyticsSeconds.toFixed(1)} rollups and RFM`)
  console.log(`rows/s       ${rowsPerSecond.toLocaleString('en')} (import only)`)
  // CPU of this process (the server, and PGlite when embedded): the figure to compare on a busy machine.
  console.log(`node CPU s   ${((cpu.user + cpu.system) / 1e6).toFixed(1)}`)
} finally {
  await server.close()
  if (dbName) await admin(`drop database if exists ${dbName} with (force)`)
}
