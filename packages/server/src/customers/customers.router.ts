import { customerDetailSchema, customerGetInputSchema, customerListInputSchema, customerPageSchema } from '@rapport/shared'
import { z } from 'zod'
import { projectForRead } from '../projects/project-access.js'
import { readProcedure, router } from '../trpc.js'
import { getCustomerDetail, listCustomerPage } from './customers.service.js'

/** With a session, `projectId` names the project; with a secret key it may be left out. */
const projectId = z.uuid().optional()

export const customersRouter = router({
  /** Customers, searched by id, email or name, sorted and paged by cursor. */
  list: readProcedure
    .input(customerListInputSchema.extend({ projectId }))
    .output(customerPageSchema)
    .query(async ({ ctx, input }) => {
      const { projectId: id, ...query } = input
      const project = await projectForRead(ctx.deps.db, ctx.principal, id)
      return listCustomerPage(ctx.deps.db, project, query)
    }),

  /** One customer: profile, traits, totals, purchases and a timeline of everything they did. */
  get: readProcedure
    .input(customerGetInputSchema.extend({ projectId }))
    .output(customerDetailSchema)
    .query(async ({ ctx, input }) => {
      const { projectId: id, ...query } = input
      const project = await projectForRead(ctx.deps.db, ctx.principal, id)
      return getCustomerDetail(ctx.deps.db, project, query)
    }),
})
