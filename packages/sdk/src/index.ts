/**
 * `@rapport/sdk`: send customers, purchases, refunds and interactions to
 * Rapport, and read the customer base and its sales analytics back, typed.
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
  Rfm,
  TimelineEntry,
} from './customers-api.js'
export type {
  Anomaly,
  BreakdownBy,
  BreakdownRow,
  Change,
  Cohort,
  CustomerScore,
  CustomerScores,
  CustomerScoresInput,
  CustomerStat,
  Forecast,
  ForecastInput,
  ForecastMetric,
  InsightsAPI,
  Interval,
  MetricTrend,
  Mover,
  ProductStat,
  Recommendation,
  RecommendationOutcome,
  RecommendationOutcomes,
  RecommendationOutcomesInput,
  Recommendations,
  RecommendationsInput,
  RecommendationType,
  Report,
  ReportFigures,
  ReportInput,
  ReportPoint,
  ScoreLabel,
  ScoreReason,
  Seasonality,
  SegmentName,
  Segments,
  SegmentsInput,
  TrendMetric,
  Trends,
  TrendsInput,
} from './insights-api.js'
export * from './public-errors.js'
export type { CRMOptions, FetchLike, ShutdownOptions, StorageLike } from './options.js'
export type {
  EventOptions,
  EventType,
  IdentifyTraits,
  JsonValue,
  PurchaseInput,
  RefundInput,
  TrackProperties,
  TraitValue,
} from './types.js'
