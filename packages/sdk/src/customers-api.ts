import type { CustomerDetail, CustomerListInput, CustomerPage } from '@rapport/shared'
import { PermissionError, RapportError } from './errors.js'
import { call, createReadClient, type ReadClient } from './internal/read-client.js'
import type { ResolvedOptions } from './internal/resolve-options.js'

export type { Customer, CustomerDetail, CustomerListInput, CustomerPage, CustomerSort, PurchaseRecord, TimelineEntry } from '@rapport/shared'

/** Reading the customer base. Needs a secret key (`rk_sec_…`): keep it on your server. */
export interface CustomersAPI {
  /**
   * Customers matching `search` (id, email or name), sorted and paged by cursor.
   * @example
   * const page = await crm.customers.list({ search: 'ann', limit: 50 })
   * const next = page.nextCursor && (await crm.customers.list({ search: 'ann', cursor: page.nextCursor }))
   */
  list(query?: CustomerListInput): Promise<CustomerPage>
  /**
   * One customer: profile, totals, purchases and timeline. Rejects with an `APIError` with `status: 404` if unknown.
   * @example const { customer, purchases } = await crm.customers.get('user-42')
   */
  get(customerId: string): Promise<CustomerDetail>
}

/** Refuses, before any request, a call the key cannot make. */
function requireSecretKey(options: ResolvedOptions): void {
  if (options.disabled) throw new RapportError('disabled', 'The client is disabled (or has no apiKey): nothing is requested')
  if (!options.apiKey.startsWith('rk_sec_')) {
    throw new PermissionError('permission_denied', 'Reading data needs a secret key (rk_sec_…); publishable keys (rk_pub_…) can only send events')
  }
}

export function createCustomersAPI(options: ResolvedOptions): CustomersAPI {
  let client: ReadClient | undefined
  // Built on first use, so ingestion-only apps never pay for it.
  const trpc = () => {
    client ??= createReadClient(options)
    return client
  }
  return {
    list: async (query = {}) => {
      requireSecretKey(options)
      return call(options.timeout, (signal) => trpc().customers.list.query(query, { signal }))
    },
    get: async (customerId) => {
      requireSecretKey(options)
      return call(options.timeout, (signal) => trpc().customers.get.query({ customerId }, { signal }))
    },
  }
}
