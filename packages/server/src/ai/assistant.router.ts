import { askInputSchema, askResultSchema, summaryInputSchema, summarySchema } from '@rapport/shared'
import { projectForRead } from '../projects/project-access.js'
import { readProcedure } from '../trpc.js'
import { ask, summarize } from './assistant.service.js'

/** The assistant's procedures, spread into the insights router: read with a session or a secret key. */
export const assistantProcedures = {
  /** A narrative of a period (changes, drivers, forecast, actions) whose every figure is one of its facts. */
  summary: readProcedure
    .input(summaryInputSchema)
    .output(summarySchema)
    .query(async ({ ctx, input }) => {
      const project = await projectForRead(ctx.deps.db, ctx.principal, input.projectId)
      return summarize(ctx.deps, project, input)
    }),

  /** A question about the project's data, answered from its analytics tools, with the calls and data used. */
  ask: readProcedure
    .input(askInputSchema)
    .output(askResultSchema)
    .mutation(async ({ ctx, input }) => {
      const project = await projectForRead(ctx.deps.db, ctx.principal, input.projectId)
      return ask(ctx.deps, project, input)
    }),
}
