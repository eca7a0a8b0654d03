import { randomUUID } from 'node:crypto'
import type { Account, LoginInput, RegisterInput, SessionResult } from '@rapport/shared'
import type { ServerDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { enforceRateLimit } from '../http/rate-limiter.js'
import { type AccountRow, findAccountByEmail, insertAccount } from './account.repository.js'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.js'
import { insertSession } from './session.repository.js'

export function toAccount(row: AccountRow): Account {
  return { id: row.id, name: row.name, email: row.email, createdAt: row.created_at.toISOString() }
}

async function startSession(deps: ServerDeps, account: AccountRow): Promise<SessionResult> {
  const sessionId = randomUUID()
  const expiresAt = new Date(Date.now() + deps.env.RAPPORT_SESSION_TTL_HOURS * 3_600_000)
  await insertSession(deps.db, { id: sessionId, accountId: account.id, expiresAt })
  const token = await deps.tokens.sign({ accountId: account.id, sessionId }, expiresAt)
  return { account: toAccount(account), token, expiresAt: expiresAt.toISOString() }
}

export async function register(deps: ServerDeps, input: RegisterInput): Promise<SessionResult> {
  const passwordHash = await hashPassword(input.password)
  const account = await insertAccount(deps.db, { id: randomUUID(), email: input.email, name: input.name, passwordHash })
  if (!account) {
    throw new AppError('conflict', 'An account with this email already exists; log in instead', {
      issues: [{ path: 'email', message: 'Already registered' }],
    })
  }
  return startSession(deps, account)
}

/** One answer for an unknown email and a wrong password, in the same time, so neither reveals which. */
export async function login(deps: ServerDeps, input: LoginInput): Promise<SessionResult> {
  // Per account, whether it exists or not, so the limit reveals nothing either.
  enforceRateLimit(deps.loginLimiter, `login:${input.email.toLowerCase()}`)
  const account = await findAccountByEmail(deps.db, input.email)
  const valid = account ? await verifyPassword(input.password, account.password_hash) : await verifyAgainstDummy(input.password)
  if (!account || !valid) throw new AppError('unauthorized', 'Wrong email or password')
  return startSession(deps, account)
}
