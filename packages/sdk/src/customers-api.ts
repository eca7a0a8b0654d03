import type { CustomerDetail, CustomerListInput, CustomerPage } from '@rapport/shared'
import type { Reader } from './internal/reader.js'

export type {
  Customer,
  CustomerDetail,
  CustomerListInput,
  CustomerPage,
  CustomerSort,
  PurchaseRecord,
  Rfm,
  TimelineEntry,
} from '@rapport/shared'

/** Reading the customer base. Needs a secret key (`rk_sec_…`): keep it on your server. */
export interface CustomersAPI {
  /**
   * Customers matching `search` (id, email or name) and the filters (RFM
   * `segment`, a trait, amount spent, last purchase), sorted and paged by cursor.
   * @example
   * const page = await crm.customers.list({ search: 'ann', limit: 50 })
   * const next = page.nextCursor && (await crm.customers.list({ search: 'ann', cursor: page.nextCursor }))
   * const atRisk = await crm.customers.list({ segment: 'at_risk', minSpent: '100', sort: 'totalSpent' })
   */
  list(query?: CustomerListInput): Promise<CustomerPage>
  /**
   * One customer: profile, totals, RFM scores, favourite products, purchases and timeline.
   * Rejects with an `APIError` with `status: 404` if unknown.
   * @example const { customer, purchases, favouriteProducts } = await crm.customers.get('user-42')
   */
  get(customerId: string): Promise<CustomerDetail>
}

export function createCustomersAPI(read: Reader): CustomersAPI {
  return {
    list: (query = {}) => read('customers.list', query),
    get: (customerId) => read('customers.get', { customerId }),
  }
}
