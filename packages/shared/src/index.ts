export { CURRENCY_CODES, currencyExponent, isCurrencyCode } from './currency.js'
export { formatMinorUnits, MAX_AMOUNT_INTEGER_DIGITS, parseScaledDecimal, type DecimalParse } from './money.js'
export { LIMITS } from './limits.js'
export {
  apiErrorSchema,
  apiIssueSchema,
  ERROR_STATUS,
  errorCodeSchema,
  toApiIssues,
  type ApiErrorBody,
  type ApiIssue,
  type ErrorCode,
} from './errors.js'
export { isStorableText, type JsonValue, type TraitValue } from './events/primitives.js'
export { identifyEventSchema, type IdentifyEvent, type IdentifyEventInput } from './events/identify.js'
export {
  purchaseBatchEventSchema,
  purchaseEventSchema,
  purchaseItemSchema,
  purchaseStatusSchema,
  type PurchaseEvent,
  type PurchaseEventInput,
  type PurchaseItem,
  type PurchaseStatus,
} from './events/purchase.js'
export {
  refundBatchEventSchema,
  refundEventSchema,
  type RefundEvent,
  type RefundEventInput,
} from './events/refund.js'
export { trackEventSchema, type TrackEvent, type TrackEventInput } from './events/track.js'
export {
  batchEnvelopeSchema,
  batchEventSchema,
  batchSchema,
  eventTypeSchema,
  type BatchEvent,
  type BatchEventInput,
  type BatchInput,
  type EventType,
} from './events/batch.js'
export {
  batchResultSchema,
  ingestResultSchema,
  ingestStatusSchema,
  rejectedEventSchema,
  type BatchResult,
  type IngestResult,
  type RejectedEvent,
} from './events/results.js'
export {
  customerDetailSchema,
  customerGetInputSchema,
  customerListInputSchema,
  customerPageSchema,
  customerSchema,
  customerSortSchema,
  customerTotalsSchema,
  moneySchema,
  purchaseRecordSchema,
  timelineEntrySchema,
  type Customer,
  type CustomerDetail,
  type CustomerGetInput,
  type CustomerListInput,
  type CustomerPage,
  type CustomerSort,
  type CustomerTotals,
  type PurchaseRecord,
  type TimelineEntry,
} from './customers.js'
export {
  accountSchema,
  apiKeyCreateInputSchema,
  apiKeyKindSchema,
  apiKeyRevokeInputSchema,
  apiKeySchema,
  createdApiKeySchema,
  loginInputSchema,
  projectCreatedSchema,
  projectCreateInputSchema,
  projectIdInputSchema,
  projectSchema,
  registerInputSchema,
  sessionResultSchema,
  timeZoneSchema,
  type Account,
  type ApiKey,
  type ApiKeyKind,
  type CreatedApiKey,
  type LoginInput,
  type Project,
  type ProjectCreated,
  type ProjectCreateInput,
  type RegisterInput,
  type SessionResult,
} from './accounts.js'
export * from './analytics/index.js'
export * from './ai/index.js'
