// A real server for a benchmark, on a fresh PostgreSQL database when a URL is given (created here,
// dropped by stop() unless BENCH_KEEP_DB is set), else on PGlite (in memory, or in a directory so a
// restart finds the data), with an account, a GBP / Europe/London project and its secret key.
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createLogger, parseEnv, startServer } from '../../packages/server/dist/index.js'
import { request } from './http.mjs'
import { adminQuery } from './postgres.mjs'

export const ONLINE_RETAIL = fileURLToPath(new URL('../../../shared/data/online-retail.csv.gz', import.meta.url))

async function trpc(base, path, input, token) {
  const response = await request(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  })
  const body = await response.json()
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body)}`)
  return body.result.data
}

const listen = (database) =>
  startServer({
    env: parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'silent', RAPPORT_RATE_LIMIT_PER_SECOND: '0' }),
    database,
    sessionSecret: 'bench-session-secret-that-is-long-enough-0000',
    log: createLogger('silent'),
  })

/**
 * Starts a benchmark server.
 * @param {{ postgres?: string | false, pgliteDirectory?: string }} [options]
 *   `postgres`: the cluster URL to create a database on (default `DATABASE_URL`; `false` = PGlite).
 *   `pgliteDirectory`: keep PGlite's data there instead of in memory (needed by `restart`).
 */
export async function startBenchServer(options = {}) {
  const clusterUrl = options.postgres === undefined ? process.env.DATABASE_URL : options.postgres || undefined
  let database = { kind: 'pglite', directory: options.pgliteDirectory }
  let dbName
  if (clusterUrl) {
    dbName = `rapport_bench_${randomBytes(4).toString('hex')}`
    await adminQuery(clusterUrl, `create database ${dbName}`)
    const url = new URL(clusterUrl)
    url.pathname = `/${dbName}`
    database = { kind: 'postgres', url: url.toString() }
  }
  let server = await listen(database)
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`
  const { token } = await trpc(server.url, 'auth.register', { name: 'Bench', email, password: 'correct horse battery' })
  const created = await trpc(server.url, 'projects.create', { name: 'Bench', currency: 'GBP', timezone: 'Europe/London' }, token)
  const bench = {
    url: server.url,
    kind: database.kind,
    /** The benchmark's own database (PostgreSQL only). */
    databaseUrl: database.kind === 'postgres' ? database.url : undefined,
    projectId: created.project.id,
    secretKey: created.secretKey.key,
    /** Whether other projects share the database (then tables are emptied per project, not truncated). */
    shared: false,
    /** The server's Kysely instance (on PGlite, the only way into the database). */
    get db() {
      return server.db
    },
    /** Stops the server and starts a new one on the same data: caches and connections start cold. */
    async restart() {
      if (database.kind === 'pglite' && !database.directory) throw new Error('restart needs pgliteDirectory on PGlite')
      await server.close()
      server = await listen(database)
      bench.url = server.url
    },
    /**
     * Another project (with its own secret key) on the same server and database, as a view of this
     * bench whose stop() does nothing: quick mode runs its repetitions on one server this way.
     */
    async addProject() {
      const other = await trpc(server.url, 'projects.create', { name: 'Bench', currency: 'GBP', timezone: 'Europe/London' }, token)
      return Object.create(bench, {
        projectId: { value: other.project.id },
        secretKey: { value: other.secretKey.key },
        shared: { value: true },
        stop: { value: async () => {} },
      })
    },
    async stop() {
      await server.close()
      if (dbName && !process.env.BENCH_KEEP_DB) await adminQuery(clusterUrl, `drop database if exists ${dbName} with (force)`)
      else if (dbName) console.log(`kept database ${dbName}`)
    },
  }
  return bench
}
