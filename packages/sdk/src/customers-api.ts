import type { CustomerDetail, CustomerListInput, CustomerPage, Locale } from '@rapport/shared'
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

/** Options of {@link CustomersAPI.get}. */
export interface CustomerGetOptions {
  /**
   * Language of the lead score reasons (`customer.score.reasons[].detail`) and of the next best
   * products' reasons: `'en'` or `'ru'`.
   * @default 'en'
   */
  locale?: Locale
}

/** Reading the customer base. Needs a secret key (`rk_sec_…`): keep it on your server. */
export interface CustomersAPI {
  /**
   * Customers matching `search` (id, email or name) and the filters (RFM
   * `segment`, a trait, amount spent, last purchase), sorted and paged by cursor.
   * @example
   * const page = await crm.customers.list({ search: 'ann', limit: 50 })
   * const next = page.nextCursor && (await crm.customers.list({ search: 'ann', cursor: page.nextCursor }))
   * const atRisk = await crm.customers.list({ segment: 'at_risk', minSpent: '100', sort: 'totalSpent' })
   * const hotInRussian = await crm.customers.list({ scoreLabel: 'HOT', locale: 'ru' }) // score reasons in Russian
   */
  list(query?: CustomerListInput): Promise<CustomerPage>
  /**
   * One customer: profile, totals, RFM scores, lead score, favourite and next best products,
   * purchases and timeline. Rejects with an `APIError` with `status: 404` if unknown.
   * @example
   * const { customer, purchases, favouriteProducts } = await crm.customers.get('user-42')
   * const { nextBestProducts } = await crm.customers.get('user-42', { locale: 'ru' }) // reasons in Russian
   */
  get(customerId: string, options?: CustomerGetOptions): Promise<CustomerDetail>
}

export function createCustomersAPI(read: Reader): CustomersAPI {
  return {
    list: (query = {}) => read('customers.list', query),
    get: (customerId, options = {}) => read('customers.get', { customerId, ...options }),
  }
}
