import type { ColumnType, Generated } from 'kysely'

/** A timestamptz column: read as Date, written as Date or `now()`. */
type Timestamp = ColumnType<Date, Date | string, Date | string>
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, string, string>

export interface AccountsTable {
  id: string
  email: string
  name: string
  password_hash: string
  created_at: DefaultTimestamp
}

export interface SessionsTable {
  id: string
  account_id: string
  created_at: DefaultTimestamp
  expires_at: Timestamp
  revoked_at: Timestamp | null
}

export interface ProjectsTable {
  id: string
  account_id: string
  name: string
  currency: string
  timezone: string
  created_at: DefaultTimestamp
}

export interface ApiKeysTable {
  project_id: string
  id: string
  kind: 'publishable' | 'secret'
  name: string
  prefix: string
  key_hash: string
  created_at: DefaultTimestamp
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface CustomersTable {
  project_id: string
  customer_id: string
  email: string | null
  name: string | null
  phone: string | null
  traits: Json<Record<string, string | number | boolean | null>>
  /** `occurredAt` of the newest identify merged into the profile. */
  profile_updated_at: Timestamp | null
  first_seen_at: Timestamp
  last_seen_at: Timestamp
  orders_count: Generated<number>
  refunded_orders_count: Generated<number>
  /** Completed orders minus refunds, in the project's currency, in minor units. */
  net_spent_minor: Generated<bigint>
  /** Completed orders in the project's currency. */
  gross_spent_minor: Generated<bigint>
  /** Refunds to the customer in the project's currency. */
  refunded_minor: Generated<bigint>
  rfm_recency: number | null
  rfm_frequency: number | null
  rfm_monetary: number | null
  segment: string | null
  p_alive: number | null
  expected_purchases_30: number | null
  expected_purchases_90: number | null
  expected_order_value_minor: bigint | null
  predicted_value_365_minor: bigint | null
  /** Lead score 0–100, its label and the points behind it; null until scored. */
  score: number | null
  score_label: 'HOT' | 'WARM' | 'COLD' | 'UNQUALIFIED' | null
  score_reasons: Json<ScoreReasonRow[]> | null
  first_purchase_at: Timestamp | null
  last_purchase_at: Timestamp | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export interface PurchasesTable {
  project_id: string
  order_id: string
  customer_id: string | null
  amount_minor: bigint
  currency: string
  status: 'completed' | 'refunded'
  source: string | null
  channel: string | null
  country: string | null
  /** When the order was placed: the earliest `occurredAt` seen for it. */
  ordered_at: Timestamp
  refunded_at: Timestamp | null
  /** The event whose fields are stored, and its `occurredAt`: a newer event wins. */
  last_event_id: string
  last_event_at: Timestamp
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export interface PurchaseItemsTable {
  project_id: string
  order_id: string
  line_no: number
  product_id: string
  name: string | null
  category: string | null
  quantity: number
  /** Unit price in ten-thousandths of a major unit (4 decimals). */
  unit_price_e4: bigint | null
}

export interface InteractionsTable {
  project_id: string
  event_id: string
  customer_id: string
  name: string
  properties: Json<Record<string, unknown>>
  occurred_at: Timestamp
  received_at: DefaultTimestamp
}

/** Every event id a project has sent: what makes ingestion idempotent. */
export interface EventsTable {
  project_id: string
  event_id: string
  type: 'identify' | 'purchase' | 'refund' | 'track'
  received_at: DefaultTimestamp
}

export interface RefundsTable {
  project_id: string
  refund_id: string
  order_id: string | null
  customer_id: string | null
  amount_minor: bigint
  currency: string
  reason: string | null
  country: string | null
  refunded_at: Timestamp
  last_event_id: string
  last_event_at: Timestamp
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export interface RefundItemsTable {
  project_id: string
  refund_id: string
  line_no: number
  product_id: string
  name: string | null
  category: string | null
  quantity: number
  unit_price_e4: bigint | null
}

/** What one batch adds to a customer's totals and seen times, until a read folds it into `customers`. */
export interface CustomerChangesTable {
  project_id: string
  customer_id: string
  orders: number
  refunded_orders: number
  gross_minor: bigint
  first_purchase_at: Timestamp | null
  last_purchase_at: Timestamp | null
  first_seen_at: Timestamp
  last_seen_at: Timestamp
}

/** A day whose rollups are stale, recorded once while pending (concurrent batches may repeat it); reads and the background refresh consume them. */
export interface AnalyticsChangesTable {
  project_id: string
  day: ColumnType<string, string, string>
}

/** One row per project and local day: what reports sum instead of scanning orders. */
export interface DailySalesTable {
  project_id: string
  day: ColumnType<string, string, string>
  gross_minor: bigint
  refunds_minor: bigint
  guest_gross_minor: bigint
  orders: number
  items_sold: bigint
  items_returned: bigint
}

/** One row per project, local day and product; money in ten-thousandths (line totals are not whole cents). */
export interface DailyProductSalesTable {
  project_id: string
  day: ColumnType<string, string, string>
  product_id: string
  name: string | null
  gross_e4: bigint
  refunds_e4: bigint
  quantity: bigint
  returned_quantity: bigint
  orders: number
}

/** Daily product rows summed per month (`month` is its first day). */
export interface MonthlyProductSalesTable {
  project_id: string
  month: ColumnType<string, string, string>
  product_id: string
  name: string | null
  gross_e4: bigint
  refunds_e4: bigint
  quantity: bigint
  returned_quantity: bigint
  orders: number
}

/** One row per project, local day and customer with an order or a refund that day (project currency only). */
export interface DailyCustomerSalesTable {
  project_id: string
  day: ColumnType<string, string, string>
  customer_id: string
  orders: number
  gross_minor: bigint
  refunds_minor: bigint
}

/** Daily customer rows summed per month (`month` is its first day). */
export interface MonthlyCustomerSalesTable {
  project_id: string
  month: ColumnType<string, string, string>
  customer_id: string
  orders: number
  gross_minor: bigint
  refunds_minor: bigint
}

/** Orders per project and local day in other currencies than the project's (left out of every figure, but counted). */
export interface DailyOtherCurrencyOrdersTable {
  project_id: string
  day: ColumnType<string, string, string>
  orders: number
}

/** Freshness of a project's RFM scores. */
export interface AnalyticsStateTable {
  project_id: string
  rfm_computed_at: Timestamp | null
  rfm_stale_since: Timestamp | null
}

/** One component of a lead score, as stored: figures only, worded per reader (customers/score-reason-texts.ts). */
export interface ScoreReasonRow {
  factor: 'recency' | 'frequency' | 'spend' | 'engagement' | 'pActive'
  points: number
  maxPoints: number
  value: number | null
}

export interface CustomerNextProductsTable {
  project_id: string
  customer_id: string
  rank: number
  product_id: string
  name: string | null
  score: number
  /** In English. */
  reason: string
  /** Why it was proposed, as data; null for lists stored before migration 0022. */
  evidence: Json<NextProductEvidenceRow> | null
}

/** A next best product's evidence, with the co-bought product's name as the English reason showed it. */
export type NextProductEvidenceRow =
  | { kind: 'co-purchase'; withProductId: string; withProductName: string; customers: number }
  | { kind: 'popular'; customers: number; days: number | null }

export interface RecommendationsTable {
  project_id: string
  recommendation_id: string
  run_id: string
  issued_at: Timestamp
  rank: number
  type: string
  payload: Json<Record<string, unknown>>
}

export interface RecommendationTargetsTable {
  project_id: string
  recommendation_id: string
  customer_id: string
  is_control: boolean
}

/** Tokens a project spent on the assistant's model per UTC day. */
export interface AiUsageTable {
  project_id: string
  day: ColumnType<string, string, string>
  requests: Generated<number>
  prompt_tokens: Generated<bigint>
  completion_tokens: Generated<bigint>
}

/** Summaries kept until the project's data changes (`fingerprint` of the rollups they came from). */
export interface AiSummariesTable {
  project_id: string
  cache_key: string
  fingerprint: string
  summary: Json<unknown>
  created_at: DefaultTimestamp
}

export interface Database {
  accounts: AccountsTable
  sessions: SessionsTable
  projects: ProjectsTable
  api_keys: ApiKeysTable
  customers: CustomersTable
  purchases: PurchasesTable
  purchase_items: PurchaseItemsTable
  interactions: InteractionsTable
  events: EventsTable
  refunds: RefundsTable
  refund_items: RefundItemsTable
  analytics_changes: AnalyticsChangesTable
  customer_changes: CustomerChangesTable
  daily_sales: DailySalesTable
  daily_product_sales: DailyProductSalesTable
  monthly_product_sales: MonthlyProductSalesTable
  daily_customer_sales: DailyCustomerSalesTable
  monthly_customer_sales: MonthlyCustomerSalesTable
  daily_other_currency_orders: DailyOtherCurrencyOrdersTable
  analytics_state: AnalyticsStateTable
  customer_next_products: CustomerNextProductsTable
  recommendations: RecommendationsTable
  recommendation_targets: RecommendationTargetsTable
  ai_usage: AiUsageTable
  ai_summaries: AiSummariesTable
}
