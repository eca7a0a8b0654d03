/**
 * How every tRPC procedure and every /v1 route is reached by a tenant, so that
 * tenant-isolation.test.ts can call each with another tenant's keys, session
 * and ids. The test fails when the router (or the OpenAPI document) has a
 * procedure (or route) that is not in these tables.
 *
 * Adding a procedure: one line in PROCEDURE_ISOLATION_CASES, e.g.
 *   'insights.recommendations': read((t) => ({ projectId: t.projectId })),
 * Adding a route: one line in HTTP_ISOLATION_CASES, e.g.
 *   'GET /v1/insights/recommendations': httpRead(() => ({ path: '/v1/insights/recommendations' })),
 */

/** The ids of one tenant that a caller can name in an input. */
export interface TenantIds {
  projectId: string
  customerId: string
  orderId: string
  refundId: string
  /** A secret key of the project that may be revoked by the test. */
  keyId: string
}

type Input = (ids: TenantIds) => unknown

/**
 * - `public`: no tenant data (register, login); only listed so that nothing is forgotten.
 * - `account`: the caller's own account, no ids in the input (me, logout, projects.list/create).
 * - `manage`: a logged-in account managing one of its projects (projects.get, keys.*).
 * - `read`: a project's data, with a session naming the project or with a secret key.
 * - `ingest`: sending events, with an API key of either kind.
 */
export type ProcedureCase =
  | { access: 'public'; why: string }
  | { access: 'account'; input: Input }
  | { access: 'manage'; input: Input }
  | { access: 'read'; input: Input; ownerStatus: number }
  | { access: 'ingest'; input: Input }

const none: Input = () => undefined

export const publicCase = (why: string): ProcedureCase => ({ access: 'public', why })
export const account = (input: Input = none): ProcedureCase => ({ access: 'account', input })
export const manage = (input: Input): ProcedureCase => ({ access: 'manage', input })
/** `ownerStatus`: what the owner gets (200 unless the procedure needs something the test server lacks, e.g. an LLM key). */
export const read = (input: Input, ownerStatus = 200): ProcedureCase => ({ access: 'read', input, ownerStatus })
export const ingest = (input: Input): ProcedureCase => ({ access: 'ingest', input })

const period = { from: '2025-01-01', to: '2025-06-01' }

/** Every tRPC procedure of appRouter, keyed by its path. */
export const PROCEDURE_ISOLATION_CASES: Record<string, ProcedureCase> = {
  'auth.register': publicCase('creates a new account; touches no existing tenant'),
  'auth.login': publicCase('answers the same for any wrong email or password (auth.test.ts)'),
  'auth.logout': account(),
  'auth.me': account(),
  'projects.create': account(() => ({ name: 'Another shop', currency: 'EUR', timezone: 'Europe/Paris' })),
  'projects.list': account(),
  'projects.get': manage((t) => ({ projectId: t.projectId })),
  'keys.list': manage((t) => ({ projectId: t.projectId })),
  'keys.create': manage((t) => ({ projectId: t.projectId, kind: 'secret', name: 'extra' })),
  'keys.revoke': manage((t) => ({ projectId: t.projectId, keyId: t.keyId })),
  'ingest.identify': ingest((t) => ({ customerId: t.customerId, name: 'Overwritten', traits: { secret: 'overwritten' } })),
  'ingest.purchase': ingest((t) => ({ orderId: t.orderId, customerId: t.customerId, amount: '1.00', currency: 'GBP', status: 'refunded' })),
  'ingest.refund': ingest((t) => ({ refundId: t.refundId, orderId: t.orderId, amount: '999.00', currency: 'GBP' })),
  'ingest.track': ingest((t) => ({ customerId: t.customerId, name: 'overwritten' })),
  'ingest.batch': ingest((t) => ({ events: [{ type: 'identify', customerId: t.customerId, name: 'Overwritten' }] })),
  'customers.list': read((t) => ({ projectId: t.projectId })),
  'customers.get': read((t) => ({ projectId: t.projectId, customerId: t.customerId })),
  'insights.report': read((t) => ({ projectId: t.projectId, ...period, breakdownBy: 'country' })),
  'insights.trends': read((t) => ({ projectId: t.projectId, ...period })),
  'insights.segments': read((t) => ({ projectId: t.projectId })),
  'insights.forecast': read((t) => ({ projectId: t.projectId, interval: 'month' })),
  'insights.recommendations': read((t) => ({ projectId: t.projectId })),
  'insights.recommendationOutcomes': read((t) => ({ projectId: t.projectId })),
  'insights.customers': read((t) => ({ projectId: t.projectId })),
  'insights.summary': read((t) => ({ projectId: t.projectId, ...period, locale: 'ru' })),
  'insights.ask': read((t) => ({ projectId: t.projectId, question: 'Who are my best customers?' })),
}

/** One HTTP request of a case: path (ids filled in), query string, and a JSON or raw body. */
export interface HttpCall {
  path: string
  query?: Record<string, string>
  body?: unknown
  /** A raw body sent with `contentType` (e.g. a CSV file). */
  rawBody?: string
  contentType?: string
}

export type HttpCase = { access: 'read'; call: (ids: TenantIds) => HttpCall } | { access: 'ingest'; call: (ids: TenantIds) => HttpCall }

/** A route reading (or, for import, writing) a project's data: session with `?projectId=`, or secret key. */
export const httpRead = (call: (ids: TenantIds) => HttpCall): HttpCase => ({ access: 'read', call })
export const httpIngest = (call: (ids: TenantIds) => HttpCall): HttpCase => ({ access: 'ingest', call })

const IMPORT_CSV = 'order_id,ordered_at,customer_id,amount,currency\nimported-1,2025-02-01T10:00:00Z,imported-customer,5.00,GBP\n'

/** Every operation of the OpenAPI document (`METHOD path`), the /v1 API. */
export const HTTP_ISOLATION_CASES: Record<string, HttpCase> = {
  'POST /v1/identify': httpIngest((t) => ({ path: '/v1/identify', body: { customerId: t.customerId, name: 'Overwritten' } })),
  'POST /v1/purchase': httpIngest((t) => ({ path: '/v1/purchase', body: { orderId: t.orderId, amount: '1.00', currency: 'GBP', status: 'refunded' } })),
  'POST /v1/refund': httpIngest((t) => ({ path: '/v1/refund', body: { refundId: t.refundId, orderId: t.orderId, amount: '999.00', currency: 'GBP' } })),
  'POST /v1/track': httpIngest((t) => ({ path: '/v1/track', body: { customerId: t.customerId, name: 'overwritten' } })),
  'POST /v1/batch': httpIngest((t) => ({ path: '/v1/batch', body: { events: [{ type: 'identify', customerId: t.customerId, name: 'Overwritten' }] } })),
  'POST /v1/import': httpRead(() => ({ path: '/v1/import', query: { format: 'generic' }, rawBody: IMPORT_CSV, contentType: 'text/csv' })),
  'GET /v1/customers': httpRead(() => ({ path: '/v1/customers' })),
  'GET /v1/customers/{customerId}': httpRead((t) => ({ path: `/v1/customers/${encodeURIComponent(t.customerId)}` })),
  'GET /v1/insights/report': httpRead(() => ({ path: '/v1/insights/report', query: { ...period, breakdownBy: 'country' } })),
  'GET /v1/insights/trends': httpRead(() => ({ path: '/v1/insights/trends', query: period })),
  'GET /v1/insights/segments': httpRead(() => ({ path: '/v1/insights/segments' })),
  'GET /v1/insights/forecast': httpRead(() => ({ path: '/v1/insights/forecast', query: { interval: 'month' } })),
  'GET /v1/insights/recommendations': httpRead(() => ({ path: '/v1/insights/recommendations' })),
  'GET /v1/insights/recommendation-outcomes': httpRead(() => ({ path: '/v1/insights/recommendation-outcomes' })),
  'GET /v1/insights/customers': httpRead(() => ({ path: '/v1/insights/customers' })),
  'GET /v1/insights/summary': httpRead(() => ({ path: '/v1/insights/summary', query: period })),
  'POST /v1/insights/ask': httpRead(() => ({ path: '/v1/insights/ask', body: { question: 'Who are my best customers?' } })),
}
