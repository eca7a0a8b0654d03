// A real server for a benchmark, on a fresh PostgreSQL database when DATABASE_URL is set
// (created here, dropped by stop() unless BENCH_KEEP_DB is set), else on in-memory PGlite,
// with an account, a GBP / Europe/London project and its secret key.
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createLogger, parseEnv, startServer } from '../../packages/server/dist/index.js'

export const ONLINE_RETAIL = fileURLToPath(new URL('../../../shared/data/online-retail.csv.gz', import.meta.url))

async function admin(sql) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
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

export async function startBenchServer() {
  let database = { kind: 'pglite', directory: undefined }
  let dbName
  if (process.env.DATABASE_URL) {
    dbName = `rapport_bench_${randomBytes(4).toString('hex')}`
    await admin(`create database ${dbName}`)
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = `/${dbName}`
    database = { kind: 'postgres', url: url.toString() }
  }
  const server = await startServer({
    env: parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'silent', RAPPORT_RATE_LIMIT_PER_SECOND: '0' }),
    database,
    sessionSecret: 'bench-session-secret-that-is-long-enough-0000',
    log: createLogger('silent'),
  })
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`
  const { token } = await trpc(server.url, 'auth.register', { name: 'Bench', email, password: 'correct horse battery' })
  const created = await trpc(server.url, 'projects.create', { name: 'Bench', currency: 'GBP', timezone: 'Europe/London' }, token)
  return {
    url: server.url,
    kind: database.kind,
    secretKey: created.secretKey.key,
    async stop() {
      await server.close()
      if (dbName && !process.env.BENCH_KEEP_DB) await admin(`drop database if exists ${dbName} with (force)`)
      else if (dbName) console.log(`kept database ${dbName}`)
    },
  }
}
