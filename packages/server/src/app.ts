import { LIMITS } from '@rapport/shared'
import { createExpressMiddleware } from '@trpc/server/adapters/express'
import express, { type Express } from 'express'
import { insightsRoutes } from './analytics/insights.http.js'
import { customerRoutes } from './customers/customers.http.js'
import type { ServerDeps } from './deps.js'
import { apiAuth, requireJson } from './http/api-auth.js'
import { apiCors } from './http/cors.js'
import { errorHandler, notFound } from './http/error-handler.js'
import { healthRoutes } from './http/health.js'
import { buildOpenApiDocument } from './http/openapi.js'
import { requestLog } from './http/request-log.js'
import { importRoutes } from './import/import.http.js'
import { ingestRoutes } from './ingest/ingest.http.js'
import { appRouter } from './router.js'
import { createContextFactory } from './trpc.js'
import { landingPage } from './http/landing-page.js'
import { dashboardStatic } from './http/dashboard-static.js'

export const SERVER_VERSION = '0.1.0'

/** The whole HTTP surface: health, the tRPC API at /trpc, the plain HTTP API at /v1. */
export function createApp(deps: ServerDeps): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', deps.env.RAPPORT_TRUST_PROXY)
  app.use(requestLog(deps.log))
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    next()
  })

  app.use(healthRoutes(deps))
  // The dashboard at /, or the getting-started page while it is not built.
  app.use(dashboardStatic({ fallback: landingPage }))

  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: createContextFactory(deps),
      maxBodySize: LIMITS.batchBytes,
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') deps.log.error({ err: error.cause ?? error, path }, 'tRPC procedure failed')
      },
    }),
  )

  const openApi = buildOpenApiDocument(SERVER_VERSION)
  const v1 = express.Router()
  v1.use(apiCors)
  v1.get('/openapi.json', (_req, res) => {
    res.json(openApi)
  })
  // Reads its CSV body as a stream, so it comes before the JSON body parser.
  v1.use(importRoutes(deps))
  v1.use(requireJson, express.json({ limit: LIMITS.batchBytes }))
  v1.use(apiAuth(deps))
  v1.use(ingestRoutes(deps))
  v1.use(customerRoutes(deps))
  v1.use(insightsRoutes(deps))
  app.use('/v1', v1)

  app.use(notFound)
  app.use(errorHandler(deps.log))
  return app
}
