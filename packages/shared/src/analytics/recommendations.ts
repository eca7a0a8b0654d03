import { z } from 'zod'
import { localeSchema } from '../ai/assistant.js'
import { moneySchema } from '../money-schema.js'
import { isoDateSchema } from './period.js'

const isoDateTime = z.iso.datetime({ offset: true })
const projectId = z.uuid().optional()

/** The kinds of action `insights.recommendations` can propose. */
export const recommendationTypeSchema = z.enum([
  /** Valuable customers slipping away: contact them before they are gone. */
  'win_back',
  /** Products bought together far more often than chance: bundle or cross-sell them. */
  'cross_sell',
  /** Per-customer products they have not bought yet but are likely to. */
  'next_best_product',
  /** Products selling significantly more than before: stock and promote them. */
  'rising_product',
  /** Products selling significantly less than before: investigate. */
  'falling_product',
  /** The weekday and hour when customers buy most: time campaigns for them. */
  'best_contact_time',
  /** The country or channel earning most and growing: invest there. */
  'strongest_market',
  /** A country or channel whose revenue falls significantly: find out why. */
  'falling_market',
  /** Products returned far more often than the rest: review them. */
  'high_refund_product',
])
export type RecommendationType = z.output<typeof recommendationTypeSchema>

/** Query of `insights.recommendations`. */
export const recommendationsInputSchema = z.strictObject({
  projectId,
  /** At most this many recommendations, best first. */
  limit: z.coerce.number<number>().int().min(1).max(50).default(10),
  /** Language of the titles, reasons, evidence labels and methods: `en` or `ru`. */
  locale: localeSchema.default('en'),
})
export type RecommendationsInput = z.input<typeof recommendationsInputSchema>

/** One figure behind a recommendation, e.g. `{ label: 'lift', value: '12.4' }`. */
export const recommendationEvidenceSchema = z.object({ label: z.string(), value: z.string() })

/** A targeted customer; `control: true` means held out on purpose, so the outcome can be measured. */
export const recommendationCustomerSchema = z.object({
  customerId: z.string(),
  name: z.string().nullable(),
  control: z.boolean(),
  /** For next-best-product: the product proposed to this customer. */
  productId: z.string().nullable(),
})

export const recommendationSchema = z.object({
  /** Stable id of this issued recommendation (used by `insights.recommendationOutcomes`). */
  id: z.uuid(),
  /** 1 = most valuable. */
  rank: z.int(),
  type: recommendationTypeSchema,
  title: z.string(),
  /** The evidence in words: figures and the period they come from. */
  why: z.string(),
  evidence: z.array(recommendationEvidenceSchema),
  /** The period the evidence was measured over, in the project's time zone. */
  period: z.object({ from: isoDateSchema, to: isoDateSchema }),
  /** Targeted customers (at most 200 listed; `customerCount` has them all), control group included and marked. */
  customers: z.array(recommendationCustomerSchema),
  /** Customers to act on (control group excluded). */
  customerCount: z.int(),
  /** Customers held out as the control group. */
  controlCount: z.int(),
  products: z.array(z.object({ productId: z.string(), name: z.string().nullable() })),
  /** Expected extra revenue over the next 30 days if acted on, and how it was estimated. */
  expectedImpact: z.object({ revenue: moneySchema, currency: z.string(), method: z.string() }),
  /** How sure the evidence is, 0–1 (from sample sizes and test p-values), and its band. */
  confidence: z.number().min(0).max(1),
  confidenceLevel: z.enum(['high', 'medium', 'low']),
})
export type Recommendation = z.output<typeof recommendationSchema>

export const recommendationsSchema = z.object({
  currency: z.string(),
  timezone: z.string(),
  /** When this set was issued; null when nothing could be recommended yet. */
  issuedAt: isoDateTime.nullable(),
  /** False when data arrived after `issuedAt` (a new set is issued at most every few hours). */
  fresh: z.boolean(),
  items: z.array(recommendationSchema),
  /** Set when the project has too little data for some or all kinds, with what is needed. */
  notEnoughData: z.object({ reason: z.string(), needed: z.array(z.string()) }).nullable(),
  notes: z.array(z.string()),
})
export type Recommendations = z.output<typeof recommendationsSchema>

/** Query of `insights.recommendationOutcomes`. */
export const recommendationOutcomesInputSchema = z.strictObject({
  projectId,
  /** The most recent recommendations aimed at customers, at most this many. */
  limit: z.coerce.number<number>().int().min(1).max(100).default(20),
  /** Language of the titles and verdicts: `en` or `ru`. */
  locale: localeSchema.default('en'),
})
export type RecommendationOutcomesInput = z.input<typeof recommendationOutcomesInputSchema>

/** Behaviour of one group in the 30 days after the recommendation was issued. */
export const outcomeGroupSchema = z.object({
  customers: z.int(),
  /** Customers with at least one completed order in the window. */
  buyers: z.int(),
  purchaseRate: z.number().nullable(),
  revenue: moneySchema,
  revenuePerCustomer: moneySchema.nullable(),
})

/** A difference (targeted − control) with its 95 % confidence interval. */
export const upliftSchema = z.object({ estimate: z.number(), lower95: z.number(), upper95: z.number() })

export const recommendationOutcomeSchema = z.object({
  recommendationId: z.uuid(),
  type: recommendationTypeSchema,
  title: z.string(),
  issuedAt: isoDateTime,
  /** issuedAt + 30 days. */
  windowEnd: isoDateTime,
  /** False while the 30 days are still running: the figures so far. */
  complete: z.boolean(),
  targeted: outcomeGroupSchema,
  control: outcomeGroupSchema,
  /** Purchase rate difference (Newcombe hybrid score interval); null without both groups. */
  purchaseRateUplift: upliftSchema.nullable(),
  /** Revenue per customer difference in major units (Welch interval); null without both groups. */
  revenuePerCustomerUplift: upliftSchema.nullable(),
  /** Plain words: whether the difference is significant, or why it cannot be said yet. */
  verdict: z.string(),
})
export type RecommendationOutcome = z.output<typeof recommendationOutcomeSchema>

export const recommendationOutcomesSchema = z.object({
  currency: z.string(),
  windowDays: z.int(),
  items: z.array(recommendationOutcomeSchema),
})
export type RecommendationOutcomes = z.output<typeof recommendationOutcomesSchema>
