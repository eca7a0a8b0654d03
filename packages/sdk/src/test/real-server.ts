import { randomBytes } from 'node:crypto'
import { createLogger, parseEnv, type RapportServer, startServer } from '@rapport/server'
import pg from 'pg'

export interface Target {
  name: string
  /** Starts the real server on this database; `cleanup` drops what was created. */
  start(): Promise<{ server: RapportServer; cleanup(): Promise<void> }>
}

const env = () => parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'silent', RAPPORT_RATE_LIMIT_PER_SECOND: '0' })
const sessionSecret = randomBytes(32).toString('hex')

const pglite: Target = {
  name: 'pglite',
  async start() {
    const server = await startServer({ env: env(), database: { kind: 'pglite', directory: undefined }, sessionSecret, log: createLogger('silent') })
    return { server, cleanup: () => server.close() }
  },
}

/** A fresh database per test file on RAPPORT_TEST_DATABASE_URL, dropped afterwards. */
function postgres(url: string): Target {
  return {
    name: 'postgres',
    async start() {
      const name = `rapport_sdk_${randomBytes(6).toString('hex')}`
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      await admin.query(`CREATE DATABASE ${name}`)
      await admin.end()
      const databaseUrl = new URL(url)
      databaseUrl.pathname = `/${name}`
      const server = await startServer({ env: env(), database: { kind: 'postgres', url: databaseUrl.toString() }, sessionSecret, log: createLogger('silent') })
      return {
        server,
        async cleanup() {
          await server.close()
          const drop = new pg.Client({ connectionString: url })
          await drop.connect()
          await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
          await drop.end()
        },
      }
    },
  }
}

/** PGlite always; PostgreSQL too when RAPPORT_TEST_DATABASE_URL is set (the one place tests read the environment). */
export function databaseTargets(): Target[] {
  const url = process.env.RAPPORT_TEST_DATABASE_URL
  return url ? [pglite, postgres(url)] : [pglite]
}

async function trpc<T>(server: RapportServer, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`)
  return ((await response.json()) as { result: { data: T } }).result.data
}

/** Registers an account and creates a project through the tRPC endpoints; returns its keys. */
export async function seedProject(server: RapportServer): Promise<{ secretKey: string; publishableKey: string; projectId: string }> {
  const email = `owner-${randomBytes(4).toString('hex')}@example.com`
  const { token } = await trpc<{ token: string }>(server, 'auth.register', { name: 'Owner', email, password: 'correct horse battery staple' })
  const created = await trpc<{ project: { id: string }; secretKey: { key: string }; publishableKey: { key: string } }>(
    server,
    'projects.create',
    { name: 'SDK test', currency: 'GBP', timezone: 'Europe/London' },
    token,
  )
  return { secretKey: created.secretKey.key, publishableKey: created.publishableKey.key, projectId: created.project.id }
}
