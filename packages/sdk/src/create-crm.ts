import { createIngestCore, type IngestClient } from './create-ingest-client.js'
import { type CustomersAPI, createCustomersAPI } from './customers-api.js'
import type { CRMOptions } from './options.js'

/** The Rapport client: sends events (any key) and reads the customer base (secret key). */
export interface CRM extends IngestClient {
  customers: CustomersAPI
}

/**
 * Creates a client. Safe to call anywhere (Node, browsers, SSR); it never throws.
 *
 * @example
 * import { createCRM } from '@rapport/sdk'
 * const crm = createCRM({ apiKey: process.env.RAPPORT_KEY })
 * crm.identify('user-42', { email: 'ann@example.com', name: 'Ann', plan: 'pro' })
 * crm.purchase({ customerId: 'user-42', orderId: 'A-1001', amount: '49.90', currency: 'EUR' })
 * await crm.shutdown()
 */
export function createCRM(options: CRMOptions): CRM {
  const { client, resolved } = createIngestCore(options)
  return { ...client, customers: createCustomersAPI(resolved) }
}
