import type { Kysely } from 'kysely'
import type { BackgroundRefresh } from './analytics/background-refresh.js'
import type { SessionTokens } from './auth/session-token.js'
import type { Database } from './db/schema.js'
import type { Env } from './env.js'
import type { RateLimiter } from './http/rate-limiter.js'
import type { Logger } from './logger.js'

/** What every request handler may use; built once at start-up. */
export interface ServerDeps {
  db: Kysely<Database>
  dbKind: 'postgres' | 'pglite'
  env: Env
  log: Logger
  tokens: SessionTokens
  limiter: RateLimiter
  /** Login attempts per account (email), far stricter than `limiter`: passwords must not be guessable by volume. */
  loginLimiter: RateLimiter
  /** Told about every batch that stored new events; folds and rebuilds after it off the request path. */
  backgroundRefresh: BackgroundRefresh
}
