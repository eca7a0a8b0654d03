import type { CustomerListInput, ForecastInput, ReportInput, TrendsInput } from './types'
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
  customer: (projectId: string, customerId: string, locale: 'en' | 'ru') =>
    queryOptions({
      queryKey: ['customers', 'get', { projectId, customerId, locale }],
      queryFn: () => api.customers.get.query({ projectId, customerId, locale }),
    }),
  report: (projectId: string, input: ReportInput) =>
    queryOptions({
      queryKey: ['insights', 'report', { projectId, ...input }],
      queryFn: () => api.insights.report.query({ projectId, ...input }),
    }),
  trends: (projectId: string, input: TrendsInput) =>
    queryOptions({
      queryKey: ['insights', 'trends', { projectId, ...input }],
      queryFn: () => api.insights.trends.query({ projectId, ...input }),
    }),
  forecast: (projectId: string, input: ForecastInput) =>
    queryOptions({
      queryKey: ['insights', 'forecast', { projectId, ...input }],
      queryFn: () => api.insights.forecast.query({ projectId, ...input }),
      // Model selection backtests on the whole history: worth keeping for a while.
      staleTime: 5 * 60_000,
    }),
  segments: (projectId: string) =>
    queryOptions({
      queryKey: ['insights', 'segments', { projectId }],
      queryFn: () => api.insights.segments.query({ projectId }),
    }),
  recommendations: (projectId: string, limit: number, locale: 'en' | 'ru') =>
    queryOptions({
      queryKey: ['insights', 'recommendations', { projectId, limit, locale }],
      queryFn: () => api.insights.recommendations.query({ projectId, limit, locale }),
    }),
  recommendationOutcomes: (projectId: string, locale: 'en' | 'ru') =>
    queryOptions({
      queryKey: ['insights', 'recommendationOutcomes', { projectId, locale }],
      queryFn: () => api.insights.recommendationOutcomes.query({ projectId, locale }),
    }),
  summary: (projectId: string, input: { from: string; to: string; locale: 'en' | 'ru' }) =>
    queryOptions({
      queryKey: ['insights', 'summary', { projectId, ...input }],
      queryFn: () => api.insights.summary.query({ projectId, ...input }),
      // The server caches summaries until the data changes; the page need not ask again soon.
      staleTime: 5 * 60_000,
    }),
}
