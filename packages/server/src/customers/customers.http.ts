import { customerGetInputSchema, customerListInputSchema } from '@rapport/shared'
import { type Router as ExpressRouter, Router } from 'express'
import { z } from 'zod'
import type { ServerDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { principalOf } from '../http/api-auth.js'
import { projectForRead } from '../projects/project-access.js'
import { getCustomerDetail, listCustomerPage } from './customers.service.js'

const listQuery = customerListInputSchema.extend({ projectId: z.uuid().optional() })

/** `GET /v1/customers` and `GET /v1/customers/{customerId}` for apps in any language. */
export function customerRoutes(deps: ServerDeps): ExpressRouter {
  const routes = Router()
  routes.get('/customers', async (req, res) => {
    const parsed = listQuery.safeParse(req.query)
    if (!parsed.success) throw AppError.fromZod(parsed.error)
    const { projectId, ...query } = parsed.data
    const project = await projectForRead(deps.db, principalOf(res), projectId)
    res.json(await listCustomerPage(deps.db, project, query))
  })
  routes.get('/customers/:customerId', async (req, res) => {
    const projectId = z.uuid().optional().safeParse(req.query.projectId)
    if (!projectId.success) throw AppError.fromZod(projectId.error, ['projectId'])
    const params = customerGetInputSchema.safeParse({ customerId: req.params.customerId, locale: req.query.locale })
    if (!params.success) throw AppError.fromZod(params.error)
    const project = await projectForRead(deps.db, principalOf(res), projectId.data)
    res.json(await getCustomerDetail(deps.db, project, params.data))
  })
  return routes
}
