import { insightsRouter } from './analytics/insights.router.js'
import { authRouter } from './auth/auth.router.js'
import { customersRouter } from './customers/customers.router.js'
import { ingestRouter } from './ingest/ingest.router.js'
import { keysRouter, projectsRouter } from './projects/projects.router.js'
import { router } from './trpc.js'

/** One router per domain, composed here. */
export const appRouter = router({
  auth: authRouter,
  projects: projectsRouter,
  keys: keysRouter,
  ingest: ingestRouter,
  customers: customersRouter,
  insights: insightsRouter,
})

export type AppRouter = typeof appRouter
