/**
 * `@rapport/sdk`: send customers, purchases and interactions to Rapport, and
 * read the customer base back, typed.
 */
export { createCRM, type CRM } from './create-crm.js'
export { createIngestClient, type IngestClient } from './create-ingest-client.js'
export type {
  Customer,
  CustomerDetail,
  CustomerListInput,
  CustomerPage,
  CustomersAPI,
  CustomerSort,
  PurchaseRecord,
  TimelineEntry,
} from './customers-api.js'
export * from './public-errors.js'
export type { CRMOptions, FetchLike, ShutdownOptions, StorageLike } from './options.js'
export type { EventOptions, EventType, IdentifyTraits, JsonValue, PurchaseInput, TrackProperties, TraitValue } from './types.js'
