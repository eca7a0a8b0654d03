export { moneySchema } from './money-schema.js'
import { z } from 'zod'
import { purchaseStatusSchema } from './events/purchase.js'
import { externalId } from './events/primitives.js'
import { moneySchema } from './money-schema.js'
import { localeSchema } from './ai/assistant.js'
import { customerScoreSchema, scoreLabelSchema } from './analytics/customer-scores.js'
import { rfmSchema, segmentNameSchema } from './analytics/segments.js'


const isoDateTime = z.iso.datetime({ offset: true })

export const customerSortSchema = z.enum(['lastSeen', 'totalSpent', 'orders', 'createdAt'])
export type CustomerSort = z.output<typeof customerSortSchema>

/** Query of `customers.list`. */
export const customerListInputSchema = z.strictObject({
  /** Matches customer id, email or name (case-insensitive, anywhere in the text). */
  search: z.string().max(256).optional(),
  sort: customerSortSchema.default('lastSeen'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(1024).optional(),
  /** Only customers in this RFM segment. */
  segment: segmentNameSchema.optional(),
  /** Only customers whose trait `traitKey` equals `traitValue` (compared as text), e.g. country = Germany. */
  traitKey: z.string().min(1).max(128).optional(),
  traitValue: z.string().max(2048).optional(),
  /** Net spent bounds, inclusive, in major units of the project's currency. */
  minSpent: z.string().regex(/^-?\d+(\.\d+)?$/, { message: 'Must be a decimal such as "100.00"' }).optional(),
  maxSpent: z.string().regex(/^-?\d+(\.\d+)?$/, { message: 'Must be a decimal such as "100.00"' }).optional(),
  /** Last order on or after / before this instant. */
  lastPurchaseAfter: z.iso.datetime({ offset: true }).optional(),
  lastPurchaseBefore: z.iso.datetime({ offset: true }).optional(),
  /** Only customers with this lead score label. */
  scoreLabel: scoreLabelSchema.optional(),
  /** Lead score bounds, inclusive (0–100). */
  minScore: z.coerce.number<number>().int().min(0).max(100).optional(),
  maxScore: z.coerce.number<number>().int().min(0).max(100).optional(),
  /** Language of the lead score reasons (`score.reasons[].detail`): `en` or `ru`. */
  locale: localeSchema.default('en'),
})
export type CustomerListInput = z.input<typeof customerListInputSchema>

/** Lifetime figures of a customer, in the project's reporting currency. */
export const customerTotalsSchema = z.object({
  /** Completed orders (refunded ones excluded). */
  orders: z.int(),
  refundedOrders: z.int(),
  /** Completed orders minus refunds, in the project's currency. */
  netSpent: moneySchema,
  /** Refunds given to the customer, in the project's currency. */
  refunded: moneySchema,
  /** Gross of completed orders / orders. */
  averageOrderValue: moneySchema,
  currency: z.string(),
  firstPurchaseAt: isoDateTime.nullable(),
  lastPurchaseAt: isoDateTime.nullable(),
})

export type CustomerTotals = z.output<typeof customerTotalsSchema>

export const customerSchema = z.object({
  customerId: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  traits: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  firstSeenAt: isoDateTime,
  lastSeenAt: isoDateTime,
  totals: customerTotalsSchema,
  /** RFM scores and segment; null until the customer has a completed order. */
  rfm: rfmSchema.nullable(),
  /**
   * Predictions from the project's BG/NBD (purchase rate and dropout) and Gamma–Gamma
   * (spend per order) models; null until the project has enough repeat customers to fit them.
   */
  predictions: z
    .object({
      /** Probability that the customer is still active (has not silently churned). */
      pActive: z.number(),
      expectedPurchases30: z.number(),
      expectedPurchases90: z.number(),
      /** Expected spend per future order. */
      expectedOrderValue: moneySchema,
      /** Expected spend over the next 365 days. */
      predictedValue365: moneySchema,
    })
    .nullable(),
  /** Lead score 0–100 with its label and reasons; null until the customer has been scored. */
  score: customerScoreSchema.nullable(),
})
export type Customer = z.output<typeof customerSchema>

export const customerPageSchema = z.object({
  items: z.array(customerSchema),
  /** Pass as `cursor` to get the next page; `null` on the last page. */
  nextCursor: z.string().nullable(),
})
export type CustomerPage = z.output<typeof customerPageSchema>

export const purchaseRecordSchema = z.object({
  orderId: z.string(),
  amount: moneySchema,
  currency: z.string(),
  status: purchaseStatusSchema,
  source: z.string().nullable(),
  channel: z.string().nullable(),
  occurredAt: isoDateTime,
  refundedAt: isoDateTime.nullable(),
  items: z.array(
    z.object({
      productId: z.string(),
      name: z.string().nullable(),
      category: z.string().nullable(),
      quantity: z.int(),
      unitPrice: z.string().nullable(),
    }),
  ),
})
export type PurchaseRecord = z.output<typeof purchaseRecordSchema>

export const timelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('purchase'), at: isoDateTime, orderId: z.string(), amount: moneySchema, currency: z.string(), status: purchaseStatusSchema }),
  z.object({ kind: z.literal('refund'), at: isoDateTime, orderId: z.string().nullable(), refundId: z.string().nullable(), amount: moneySchema, currency: z.string() }),
  z.object({ kind: z.literal('interaction'), at: isoDateTime, name: z.string(), properties: z.record(z.string(), z.unknown()) }),
])
export type TimelineEntry = z.output<typeof timelineEntrySchema>

/** Query of `customers.get`. */
export const customerGetInputSchema = z.strictObject({
  customerId: externalId,
  /** Language of the lead score reasons and of the next best products' reasons: `en` or `ru`. */
  locale: localeSchema.default('en'),
})
export type CustomerGetInput = z.input<typeof customerGetInputSchema>

export const customerDetailSchema = z.object({
  customer: customerSchema,
  /** Newest first, at most 500. */
  purchases: z.array(purchaseRecordSchema),
  /** Purchases, refunds and interactions, newest first, at most 500. */
  timeline: z.array(timelineEntrySchema),
  /** Products the customer bought most (by units, then revenue), at most 5. */
  favouriteProducts: z.array(z.object({ productId: z.string(), name: z.string().nullable(), quantity: z.int(), orders: z.int() })),
  /**
   * Up to 10 products the customer has not bought yet, best first: what similar customers bought
   * lately, blended with recent popularity. Refreshed with the project's recommendations.
   */
  nextBestProducts: z.array(z.object({ productId: z.string(), name: z.string().nullable(), score: z.number(), reason: z.string() })),
})
export type CustomerDetail = z.output<typeof customerDetailSchema>
