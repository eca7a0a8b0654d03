import type { RequestHandler } from 'express'

/**
 * CORS for the HTTP API: any site may call it with a key in the Authorization
 * header (publishable keys are meant for browsers), but never with cookies —
 * `Allow-Credentials` is not sent, so a session cannot be used cross-site.
 */
export const apiCors: RequestHandler = (req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*')
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type')
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
  res.setHeader('Access-Control-Max-Age', '86400')
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id')
  if (req.method === 'OPTIONS') {
    res.status(204).end()
    return
  }
  next()
}
