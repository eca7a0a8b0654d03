import {
  customerScoresInputSchema,
  customerScoresSchema,
  forecastInputSchema,
  forecastSchema,
  recommendationOutcomesInputSchema,
  recommendationOutcomesSchema,
  recommendationsInputSchema,
  recommendationsSchema,
  reportInputSchema,
  reportSchema,
  segmentsInputSchema,
  segmentsSchema,
  trendsInputSchema,
  trendsSchema,
} from '@rapport/shared'
import { assistantProcedures } from '../ai/assistant.router.js'
import { projectForRead } from '../projects/project-access.js'
import { readProcedure, router } from '../trpc.js'
import { buildCustomerScores } from './customer-scores.service.js'
import { buildForecast } from './forecast.service.js'
import { buildRecommendationOutcomes, buildRecommendations } from './recommendations.service.js'
import { buildReport } from './report.service.js'
import { buildSegments } from './segments.service.js'
import { buildTrends } from './trends.service.js'

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

  /** Direction and significance of the headline metrics, weekday/hour seasonality, anomalies, rising and falling products and countries. */
  trends: readProcedure
    .input(trendsInputSchema)
    .output(trendsSchema)
    .query(async ({ ctx, input }) => {
      const project = await projectForRead(ctx.deps.db, ctx.principal, input.projectId)
      return buildTrends(ctx.deps.db, project, input)
    }),

  /** RFM segment sizes, revenue share and movement since an earlier day. */
  segments: readProcedure
    .input(segmentsInputSchema)
    .output(segmentsSchema)
    .query(async ({ ctx, input }) => {
      const project = await projectForRead(ctx.deps.db, ctx.principal, input.projectId)
      return buildSegments(ctx.deps.db, project, input)
    }),

  /** The next days, weeks or months of revenue, orders or paying customers, with 80 % and 95 % prediction intervals. */
  forecast: readProcedure
    .input(forecastInputSchema)
    .output(forecastSchema)
    .query(async ({ ctx, input }) => {
      const project = await projectForRead(ctx.deps.db, ctx.principal, input.projectId)
      return buildForecast(ctx.deps.db, project, input)
    }),

  /** Ranked actions to raise sales, each with its evidence, who or what it concerns, expected impact and confidence. */
  recommendations: readProcedure
    .input(recommendationsInputSchema)
    .output(recommendationsSchema)
    .query(async ({ ctx, input }) => {
      const project = await projectForRead(ctx.deps.db, ctx.principal, input.projectId)
      return buildRecommendations(ctx.deps.db, project, input)
    }),

  /** For past recommendations aimed at customers: targeted customers against the held-out control group over 30 days. */
  recommendationOutcomes: readProcedure
    .input(recommendationOutcomesInputSchema)
    .output(recommendationOutcomesSchema)
    .query(async ({ ctx, input }) => {
      const project = await projectForRead(ctx.deps.db, ctx.principal, input.projectId)
      return buildRecommendationOutcomes(ctx.deps.db, project, input)
    }),

  /** Lead scores of the project's customers: label bands, the hottest leads, valuable customers at risk, and prediction totals. */
  customers: readProcedure
    .input(customerScoresInputSchema)
    .output(customerScoresSchema)
    .query(async ({ ctx, input }) => {
      const project = await projectForRead(ctx.deps.db, ctx.principal, input.projectId)
      return buildCustomerScores(ctx.deps.db, project, input)
    }),

  /** The assistant: `summary` and `ask` (src/ai). */
  ...assistantProcedures,
})
