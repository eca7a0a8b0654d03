import {
  apiKeyCreateInputSchema,
  apiKeyRevokeInputSchema,
  apiKeySchema,
  createdApiKeySchema,
  projectCreatedSchema,
  projectCreateInputSchema,
  projectIdInputSchema,
  projectSchema,
} from '@rapport/shared'
import { z } from 'zod'
import { AppError } from '../errors.js'
import { router, sessionProcedure } from '../trpc.js'
import { listApiKeys, revokeApiKey } from './api-key.repository.js'
import { ownedProject } from './project-access.js'
import { listProjects } from './project.repository.js'
import { createApiKey, createProject, toApiKey, toProject } from './projects.service.js'

export const projectsRouter = router({
  /** Creates a project (one per app) with a publishable and a secret key, shown once. */
  create: sessionProcedure
    .input(projectCreateInputSchema)
    .output(projectCreatedSchema)
    .mutation(({ ctx, input }) => createProject(ctx.deps.db, ctx.session.accountId, input)),

  list: sessionProcedure.output(z.array(projectSchema)).query(async ({ ctx }) => {
    const rows = await listProjects(ctx.deps.db, ctx.session.accountId)
    return rows.map(toProject)
  }),

  get: sessionProcedure
    .input(projectIdInputSchema)
    .output(projectSchema)
    .query(async ({ ctx, input }) => toProject(await ownedProject(ctx.deps.db, ctx.session.accountId, input.projectId))),
})

export const keysRouter = router({
  list: sessionProcedure
    .input(projectIdInputSchema)
    .output(z.array(apiKeySchema))
    .query(async ({ ctx, input }) => {
      await ownedProject(ctx.deps.db, ctx.session.accountId, input.projectId)
      return (await listApiKeys(ctx.deps.db, input.projectId)).map(toApiKey)
    }),

  create: sessionProcedure
    .input(apiKeyCreateInputSchema)
    .output(createdApiKeySchema)
    .mutation(async ({ ctx, input }) => {
      await ownedProject(ctx.deps.db, ctx.session.accountId, input.projectId)
      return createApiKey(ctx.deps.db, input.projectId, input.kind, input.name)
    }),

  /** Revokes a key: it stops working on the next request. */
  revoke: sessionProcedure
    .input(apiKeyRevokeInputSchema)
    .output(apiKeySchema)
    .mutation(async ({ ctx, input }) => {
      await ownedProject(ctx.deps.db, ctx.session.accountId, input.projectId)
      const row = await revokeApiKey(ctx.deps.db, input.projectId, input.keyId)
      if (!row) throw new AppError('not_found', 'No such key in this project')
      return toApiKey(row)
    }),
})
