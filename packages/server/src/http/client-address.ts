import type { Request } from 'express'

/** The caller's address as express sees it (honours X-Forwarded-For only when `trust proxy` is set). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown'
}
