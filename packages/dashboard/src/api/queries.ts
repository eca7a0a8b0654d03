import type { CustomerListInput } from './types'
import { queryOptions } from '@tanstack/react-query'
import { api } from './client'

/**
 * Query options per procedure: one key scheme (`[router, procedure, input]`)
 * so that a mutation can invalidate exactly what it changed.
 */
export const queries = {
  me: () => queryOptions({ queryKey: ['auth', 'me'], queryFn: () => api.auth.me.query(), staleTime: 5 * 60_000 }),
  projects: () => queryOptions({ queryKey: ['projects', 'list'], queryFn: () => api.projects.list.query() }),
  keys: (projectId: string) =>
    queryOptions({ queryKey: ['keys', 'list', { projectId }], queryFn: () => api.keys.list.query({ projectId }) }),
  customers: (projectId: string, input: CustomerListInput) =>
    queryOptions({
      queryKey: ['customers', 'list', { projectId, ...input }],
      queryFn: () => api.customers.list.query({ projectId, ...input }),
    }),
  customer: (projectId: string, customerId: string) =>
    queryOptions({
      queryKey: ['customers', 'get', { projectId, customerId }],
      queryFn: () => api.customers.get.query({ projectId, customerId }),
    }),
}
