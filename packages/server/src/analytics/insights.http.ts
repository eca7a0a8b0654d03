import {
  customerScoresInputSchema,
  forecastInputSchema,
  recommendationOutcomesInputSchema,
  recommendationsInputSchema,
  reportInputSchema,
  segmentsInputSchema,
  trendsInputSchema,
} from '@rapport/shared'
import { type Router as ExpressRouter, Router } from 'express'
import type { z } from 'zod'
import type { ServerDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { assistantRoutes } from '../ai/assistant.http.js'
import { principalOf } from '../http/api-auth.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { projectForRead } from '../projects/project-access.js'
import { buildCustomerScores } from './customer-scores.service.js'
import { buildForecast } from './forecast.service.js'
import { buildRecommendationOutcomes, buildRecommendations } from './recommendations.service.js'
import { buildReport } from './report.service.js'
import { buildSegments } from './segments.service.js'
import { buildTrends } from './trends.service.js'

/** `GET /v1/insights/report|trends|segments|forecast` with the tRPC procedures' parameters as query strings. */
export function insightsRoutes(deps: ServerDeps): ExpressRouter {
  const routes = Router()
  const serve = <S extends z.ZodType<{ projectId?: string | undefined }>, R>(
    path: string,
    schema: S,
    build: (project: ProjectRow, input: z.output<S>) => Promise<R>,
  ) => {
    routes.get(path, async (req, res) => {
      const parsed = schema.safeParse(req.query)
      if (!parsed.success) throw AppError.fromZod(parsed.error)
      const project = await projectForRead(deps.db, principalOf(res), parsed.data.projectId)
      res.json(await build(project, parsed.data))
    })
  }
  serve('/insights/report', reportInputSchema, (project, input) => buildReport(deps.db, project, input))
  serve('/insights/trends', trendsInputSchema, (project, input) => buildTrends(deps.db, project, input))
  serve('/insights/forecast', forecastInputSchema, (project, input) => buildForecast(deps.db, project, input))
  serve('/insights/segments', segmentsInputSchema, (project, input) => buildSegments(deps.db, project, input))
  serve('/insights/recommendations', recommendationsInputSchema, (project, input) => buildRecommendations(deps.db, project, input))
  serve('/insights/recommendation-outcomes', recommendationOutcomesInputSchema, (project, input) => buildRecommendationOutcomes(deps.db, project, input))
  serve('/insights/customers', customerScoresInputSchema, (project, input) => buildCustomerScores(deps.db, project, input))
  routes.use(assistantRoutes(deps))
  return routes
}
