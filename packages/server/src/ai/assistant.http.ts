import { askInputSchema, summaryInputSchema } from '@rapport/shared'
import { type Router as ExpressRouter, Router } from 'express'
import type { ServerDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { principalOf } from '../http/api-auth.js'
import { projectForRead } from '../projects/project-access.js'
import { ask, summarize } from './assistant.service.js'

/** `GET /v1/insights/summary` (query string) and `POST /v1/insights/ask` (JSON body; `projectId` in the query string or the body). */
export function assistantRoutes(deps: ServerDeps): ExpressRouter {
  const routes = Router()
  routes.get('/insights/summary', async (req, res) => {
    const parsed = summaryInputSchema.safeParse(req.query)
    if (!parsed.success) throw AppError.fromZod(parsed.error)
    const project = await projectForRead(deps.db, principalOf(res), parsed.data.projectId)
    res.json(await summarize(deps, project, parsed.data))
  })
  routes.post('/insights/ask', async (req, res) => {
    // Like every /v1 route, a session names the project in the query string (the body may name it too).
    const projectId = typeof req.query.projectId === 'string' ? req.query.projectId : undefined
    const body: unknown = req.body
    const parsed = askInputSchema.safeParse(projectId !== undefined && typeof body === 'object' && body !== null ? { ...body, projectId } : body)
    if (!parsed.success) throw AppError.fromZod(parsed.error)
    const project = await projectForRead(deps.db, principalOf(res), parsed.data.projectId)
    res.json(await ask(deps, project, parsed.data))
  })
  return routes
}
