import { reportInputSchema, reportSchema } from '@rapport/shared'
import { projectForRead } from '../projects/project-access.js'
import { readProcedure, router } from '../trpc.js'
import { buildReport } from './report.service.js'

/** Reports, trends and segments: read with a session or a secret key. */
export const insightsRouter = router({
  /** Sales, customers, products, a breakdown and cohorts for a period, optionally against a comparison period. */
  report: readProcedure
    .input(reportInputSchema)
    .output(reportSchema)
    .query(async ({ ctx, input }) => {
      const project = await projectForRead(ctx.deps.db, ctx.principal, input.projectId)
      return buildReport(ctx.deps.db, project, input)
    }),
})
