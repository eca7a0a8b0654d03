import type { EventType } from '@rapport/shared'
import { type Router as ExpressRouter, Router } from 'express'
import type { ServerDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { principalOf } from '../http/api-auth.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { ingestBatch, ingestOne } from './ingest.api.js'

function ingestingProject(principal: ReturnType<typeof principalOf>): ProjectRow {
  if (principal.kind !== 'key') throw new AppError('forbidden', 'Send events with an API key (rk_pub_… or rk_sec_…)')
  return principal.project
}

/** `POST /v1/identify|purchase|track` (the event as the body) and `POST /v1/batch`. */
export function ingestRoutes(deps: ServerDeps): ExpressRouter {
  const routes = Router()
  for (const type of ['identify', 'purchase', 'refund', 'track'] as const satisfies readonly EventType[]) {
    routes.post(`/${type}`, async (req, res) => {
      const project = ingestingProject(principalOf(res))
      res.json(await ingestOne(deps, project, type, req.body))
    })
  }
  routes.post('/batch', async (req, res) => {
    const project = ingestingProject(principalOf(res))
    res.json(await ingestBatch(deps, project, req.body))
  })
  return routes
}
