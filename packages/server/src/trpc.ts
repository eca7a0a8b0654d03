import type { ErrorCode } from '@rapport/shared'
import { toApiIssues } from '@rapport/shared'
import { initTRPC, TRPCError } from '@trpc/server'
import type { CreateExpressContextOptions } from '@trpc/server/adapters/express'
import { z } from 'zod'
import { admit, type Credentials, type Principal, readCredentials } from './auth/authenticate.js'
import type { ServerDeps } from './deps.js'
import { AppError } from './errors.js'
import { clientAddress } from './http/client-address.js'
import { refuseCrossSiteCookieWrite } from './http/origin-check.js'
import { enforceRateLimit } from './http/rate-limiter.js'

export interface Context {
  deps: ServerDeps
  req: CreateExpressContextOptions['req']
  res: CreateExpressContextOptions['res']
  credentials: Credentials
}

export function createContextFactory(deps: ServerDeps) {
  return ({ req, res }: CreateExpressContextOptions): Context => ({ deps, req, res, credentials: readCredentials(req.headers) })
}

type TrpcCode = TRPCError['code']

const TRPC_CODE: Record<ErrorCode, TrpcCode> = {
  validation_error: 'BAD_REQUEST',
  invalid_json: 'PARSE_ERROR',
  unsupported_media_type: 'UNSUPPORTED_MEDIA_TYPE',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  payload_too_large: 'PAYLOAD_TOO_LARGE',
  rate_limited: 'TOO_MANY_REQUESTS',
  internal_error: 'INTERNAL_SERVER_ERROR',
  unavailable: 'SERVICE_UNAVAILABLE',
}

const FROM_TRPC: Partial<Record<TrpcCode, ErrorCode>> = {
  PARSE_ERROR: 'invalid_json',
  BAD_REQUEST: 'validation_error',
  UNAUTHORIZED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  METHOD_NOT_SUPPORTED: 'validation_error',
  CONFLICT: 'conflict',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  TOO_MANY_REQUESTS: 'rate_limited',
  SERVICE_UNAVAILABLE: 'unavailable',
}

const t = initTRPC.context<Context>().create({
  isDev: false,
  // The same `code` and field `issues` as the HTTP API, under `data`.
  errorFormatter({ shape, error }) {
    const cause = error.cause
    let appCode: ErrorCode = FROM_TRPC[error.code] ?? 'internal_error'
    let issues = cause instanceof AppError ? cause.issues : []
    if (cause instanceof AppError) appCode = cause.code
    else if (cause instanceof z.ZodError) {
      appCode = 'validation_error'
      issues = toApiIssues(cause.issues)
    }
    const message = appCode === 'internal_error' ? 'Internal error' : cause instanceof z.ZodError ? 'The input is not valid' : shape.message
    return { ...shape, message, data: { ...shape.data, appCode, issues } }
  },
})

/** Turns our AppError into the matching TRPCError, setting Retry-After on 429. */
const appErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next()
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause
    if (cause.retryAfter !== undefined) ctx.res.setHeader('Retry-After', String(cause.retryAfter))
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause })
  }
  return result
})

export const router = t.router
export const createCallerFactory = t.createCallerFactory

/** Open to anyone; limited per client address. */
export const publicProcedure = t.procedure.use(appErrors).use(({ ctx, next }) => {
  enforceRateLimit(ctx.deps.limiter, `ip:${clientAddress(ctx.req)}`)
  return next()
})

const authenticated = t.procedure.use(appErrors).use(async ({ ctx, type, next }) => {
  if (type === 'mutation') refuseCrossSiteCookieWrite(ctx.req, ctx.credentials)
  const principal = await admit(ctx.deps, ctx.credentials)
  return next({ ctx: { principal } })
})

/** A logged-in account (dashboard, CLI). */
export const sessionProcedure = authenticated.use(({ ctx, next }) => {
  if (ctx.principal.kind !== 'session') throw new AppError('forbidden', 'This needs a logged-in account, not an API key')
  return next({ ctx: { session: ctx.principal } })
})

/** An API key of either kind: sending events. */
export const ingestProcedure = authenticated.use(({ ctx, next }) => {
  if (ctx.principal.kind !== 'key') throw new AppError('forbidden', 'Send events with an API key (rk_pub_… or rk_sec_…)')
  return next({ ctx: { project: ctx.principal.project } })
})

/** A secret key, or a session that names one of its projects: reading the project's data. */
export const readProcedure = authenticated

export type AuthenticatedContext = Context & { principal: Principal }
