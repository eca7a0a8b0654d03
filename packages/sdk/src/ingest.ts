/**
 * `@rapport/sdk/ingest`: sending events only, without the read API (a smaller
 * bundle for pages that use a publishable key).
 */
export { createIngestClient, type IngestClient } from './create-ingest-client.js'
export * from './public-errors.js'
export type { CRMOptions, FetchLike, ShutdownOptions, StorageLike } from './options.js'
export type { EventOptions, EventType, IdentifyTraits, JsonValue, PurchaseInput, RefundInput, TrackProperties, TraitValue } from './types.js'
