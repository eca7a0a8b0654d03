import { type Router as ExpressRouter, Router } from 'express'
import { sql } from 'kysely'
import type { ServerDeps } from '../deps.js'

const READY_TIMEOUT_MS = 2000

/** `/health`: the process answers. `/ready`: and the database does too (503 while it does not). */
export function healthRoutes(deps: ServerDeps): ExpressRouter {
  const routes = Router()
  routes.get('/health', (_req, res) => {
    res.json({ status: 'ok' })
  })
  routes.get('/ready', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        sql`select 1`.execute(deps.db),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS)
        }),
      ])
      res.json({ status: 'ready', database: deps.dbKind })
    } catch {
      res.status(503).json({ status: 'unavailable', database: deps.dbKind })
    } finally {
      clearTimeout(timer)
    }
  })
  return routes
}
