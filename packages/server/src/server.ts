import type { AddressInfo } from 'node:net'
import { createServer, type Server } from 'node:http'
import type { Kysely } from 'kysely'
import { BackgroundRefresh } from './analytics/background-refresh.js'
import { createApp } from './app.js'
import { SessionTokens } from './auth/session-token.js'
import { connectDatabase, type DatabaseTarget } from './db/connect.js'
import { migrateToLatest } from './db/migrate.js'
import type { Database } from './db/schema.js'
import type { ServerDeps } from './deps.js'
import type { Env } from './env.js'
import { RateLimiter } from './http/rate-limiter.js'
import type { Logger } from './logger.js'

export interface RapportServerOptions {
  env: Env
  database: DatabaseTarget
  sessionSecret: string
  log: Logger
}

export interface RapportServer {
  /** `http://host:port` the server listens on. */
  url: string
  port: number
  db: Kysely<Database>
  /** Stops accepting connections, lets in-flight requests finish (up to the shutdown timeout), closes the database. */
  close(): Promise<void>
}

/** Opens the database, migrates it, and listens. */
export async function startServer(options: RapportServerOptions): Promise<RapportServer> {
  const { env, log } = options
  const database = await connectDatabase(options.database)
  await migrateToLatest(database.db)
  const deps: ServerDeps = {
    db: database.db,
    dbKind: database.kind,
    env,
    log,
    tokens: new SessionTokens(options.sessionSecret),
    limiter: new RateLimiter({ perSecond: env.RAPPORT_RATE_LIMIT_PER_SECOND, burst: env.RAPPORT_RATE_LIMIT_BURST }),
    // 10 attempts at once, then one every 6 s per account; off when rate limiting is off.
    loginLimiter: new RateLimiter({ perSecond: env.RAPPORT_RATE_LIMIT_PER_SECOND > 0 ? 1 / 6 : 0, burst: 10 }),
    backgroundRefresh: new BackgroundRefresh(database.db, log, { quietMs: env.RAPPORT_REFRESH_QUIET_MS, maxWaitMs: env.RAPPORT_REFRESH_MAX_WAIT_MS }),
  }
  const server = createServer(createApp(deps))
  // Keep-alive sockets of SDK clients must not outlive a deploy by minutes.
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(env.PORT, env.HOST, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST
  return { url: `http://${host}:${port}`, port, db: database.db, close: () => closeServer(server, env, deps.backgroundRefresh, database.close) }
}

async function closeServer(server: Server, env: Env, background: BackgroundRefresh, closeDatabase: () => Promise<void>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  const timer = setTimeout(() => server.closeAllConnections(), env.RAPPORT_SHUTDOWN_TIMEOUT_MS)
  await closed
  clearTimeout(timer)
  // A rebuild in progress is rolled back with its connection if it outlasts the shutdown timeout; the next read redoes it.
  await Promise.race([background.close(), new Promise((resolve) => setTimeout(resolve, env.RAPPORT_SHUTDOWN_TIMEOUT_MS).unref())])
  await closeDatabase()
}
