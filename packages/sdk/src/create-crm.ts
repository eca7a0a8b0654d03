import { createIngestCore, type IngestClient } from './create-ingest-client.js'
import { type CustomersAPI, createCustomersAPI } from './customers-api.js'
import { createInsightsAPI, type InsightsAPI } from './insights-api.js'
import { createReader } from './internal/reader.js'
import type { CRMOptions } from './options.js'

/** The Rapport client: sends events (any key); reads the customer base and its analytics (secret key). */
export interface CRM extends IngestClient {
  customers: CustomersAPI
  insights: InsightsAPI
}

/**
 * Creates a client. Safe to call anywhere (Node, browsers, SSR); it never throws.
 *
 * @example
 * import { createCRM } from '@rapport/sdk'
 * const crm = createCRM({ apiKey: process.env.RAPPORT_KEY })
 * crm.identify('user-42', { email: 'ann@example.com', name: 'Ann', plan: 'pro' })
 * crm.purchase({ customerId: 'user-42', orderId: 'A-1001', amount: '49.90', currency: 'EUR' })
 * const report = await crm.insights.report({ from: '2025-01-01', to: '2025-04-01', interval: 'month' })
 * await crm.shutdown()
 */
export function createCRM(options: CRMOptions): CRM {
  const { client, resolved } = createIngestCore(options)
  const read = createReader(resolved)
  return { ...client, customers: createCustomersAPI(read), insights: createInsightsAPI(read) }
}
