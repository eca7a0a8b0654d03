import type { Request } from 'express'
import type { Credentials } from '../auth/authenticate.js'
import { AppError } from '../errors.js'

/**
 * Refuses a write authenticated only by the session cookie when the browser
 * says the page that sent it is not ours: `Sec-Fetch-Site` other than
 * same-origin/none, or an `Origin` whose host is not this server's. SameSite=Lax
 * already keeps the cookie off cross-site POSTs; this also covers sibling
 * subdomains ("same-site") and older browsers. Bearer tokens are not sent by
 * browsers on their own, so requests carrying one are not checked.
 */
export function refuseCrossSiteCookieWrite(req: Request, credentials: Credentials): void {
  if (credentials.bearer !== undefined || credentials.cookie === undefined) return
  const fetchSite = req.headers['sec-fetch-site']
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') throw crossSite()
  const origin = req.headers.origin
  if (origin === undefined) return
  let originHost: string
  try {
    originHost = new URL(origin).host
  } catch {
    // `Origin: null` (sandboxed frames, file:) or garbage.
    throw crossSite()
  }
  if (originHost !== req.host) throw crossSite()
}

function crossSite(): AppError {
  return new AppError('forbidden', 'Cross-site request refused: the session cookie only works from the dashboard; other clients send Authorization: Bearer')
}
