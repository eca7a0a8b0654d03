import type { Request, RequestHandler, Response } from 'express'
import { admit, type Principal, readCredentials } from '../auth/authenticate.js'
import type { ServerDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { refuseCrossSiteCookieWrite } from './origin-check.js'

/** Authenticates an HTTP API call (bearer key or session) and applies the caller's rate limit. */
export function apiAuth(deps: ServerDeps): RequestHandler {
  return async (req, res, next) => {
    const credentials = readCredentials(req.headers)
    if (req.method !== 'GET' && req.method !== 'HEAD') refuseCrossSiteCookieWrite(req, credentials)
    res.locals.principal = await admit(deps, credentials)
    next()
  }
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined
  if (!principal) throw new AppError('unauthorized', 'Not authenticated')
  return principal
}

/** Refuses a POST whose body is not JSON before anything reads it. */
export const requireJson: RequestHandler = (req: Request, _res, next) => {
  if (req.method === 'POST' && !req.is(['application/json', 'application/*+json'])) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json')
  }
  next()
}
