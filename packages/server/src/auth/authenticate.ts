import type { IncomingHttpHeaders } from 'node:http'
import type { ApiKeyKind } from '@rapport/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { enforceRateLimit, type RateLimiter } from '../http/rate-limiter.js'
import { AppError } from '../errors.js'
import { findActiveKey, touchApiKey } from '../projects/api-key.repository.js'
import { looksLikeApiKey, parseApiKey } from '../projects/api-key.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { SESSION_COOKIE, readCookie } from './cookies.js'
import { isSessionActive } from './session.repository.js'
import type { SessionTokens } from './session-token.js'

export type Principal =
  | { kind: 'session'; accountId: string; sessionId: string }
  | { kind: 'key'; keyId: string; keyKind: ApiKeyKind; project: ProjectRow }

export interface Credentials {
  /** The token of an `Authorization: Bearer …` header: an API key or a session token. */
  bearer: string | undefined
  /** The session cookie set by register/login. */
  cookie: string | undefined
}

export function readCredentials(headers: IncomingHttpHeaders): Credentials {
  const header = headers.authorization
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return { bearer: match?.[1], cookie: readCookie(headers.cookie, SESSION_COOKIE) }
}

export function hasCredentials(credentials: Credentials): boolean {
  return credentials.bearer !== undefined || credentials.cookie !== undefined
}

/**
 * Who is calling: an API key (bearer `rk_…`) or a session (bearer JWT or cookie).
 * `null` when no credentials were sent; `unauthorized` when they were sent but are
 * unknown, revoked, expired or logged out.
 */
export async function authenticate(
  deps: { db: Kysely<Database>; tokens: SessionTokens },
  credentials: Credentials,
): Promise<Principal | null> {
  const token = credentials.bearer ?? credentials.cookie
  if (token === undefined) return null
  if (looksLikeApiKey(token)) {
    const parsed = parseApiKey(token)
    const found = parsed && (await findActiveKey(deps.db, parsed.projectId, parsed.hash))
    if (!parsed || !found) throw new AppError('unauthorized', 'Unknown or revoked API key')
    if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
      await touchApiKey(deps.db, found.project.id, found.keyId)
    }
    return { kind: 'key', keyId: found.keyId, keyKind: found.kind, project: found.project }
  }
  const claims = await deps.tokens.verify(token)
  if (!claims || !(await isSessionActive(deps.db, claims.sessionId, claims.accountId))) {
    throw new AppError('unauthorized', 'Session expired or logged out; log in again')
  }
  return { kind: 'session', accountId: claims.accountId, sessionId: claims.sessionId }
}

/**
 * The one gate for every authenticated call, tRPC or HTTP: credentials are
 * required and valid, and the caller (key or account) is within its rate limit.
 */
export async function admit(
  deps: { db: Kysely<Database>; tokens: SessionTokens; limiter: RateLimiter },
  credentials: Credentials,
): Promise<Principal> {
  const principal = await authenticate(deps, credentials)
  if (!principal) throw new AppError('unauthorized', 'Send an API key or a session: Authorization: Bearer <key>')
  enforceRateLimit(deps.limiter, principal.kind === 'key' ? `key:${principal.keyId}` : `account:${principal.accountId}`)
  return principal
}
