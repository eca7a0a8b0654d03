import { z } from 'zod'
import { moneySchema } from '../money-schema.js'

const isoDateTime = z.iso.datetime({ offset: true })

/** Lead score bands: HOT 80–100, WARM 60–79, COLD 40–59, UNQUALIFIED below 40. */
export const scoreLabelSchema = z.enum(['HOT', 'WARM', 'COLD', 'UNQUALIFIED'])
export type ScoreLabel = z.output<typeof scoreLabelSchema>

/** One component of a lead score: the points it gave out of its maximum, and why. */
export const scoreReasonSchema = z.object({
  factor: z.enum(['recency', 'frequency', 'spend', 'engagement', 'pActive']),
  points: z.number(),
  maxPoints: z.number(),
  /** The measured value: days since the last order, orders, net spent (major units), interactions in 30 days, or P(active). */
  value: z.number().nullable(),
  detail: z.string(),
})
export type ScoreReason = z.output<typeof scoreReasonSchema>

/**
 * A 0–100 lead score: recency (25 points), frequency (20) and spend (20) from the customer's
 * RFM quintiles, engagement (15) from `track` interactions in the last 30 days, and P(active)
 * from the BG/NBD model (20). Without a fitted model the other points are scaled to 100.
 */
export const customerScoreSchema = z.object({
  value: z.int().min(0).max(100),
  label: scoreLabelSchema,
  reasons: z.array(scoreReasonSchema),
})
export type CustomerScore = z.output<typeof customerScoreSchema>

/** Query of `insights.customers`. */
export const customerScoresInputSchema = z.strictObject({
  projectId: z.uuid().optional(),
  /** Customers listed in each of the top lists. */
  limit: z.coerce.number<number>().int().min(1).max(100).default(10),
})
export type CustomerScoresInput = z.input<typeof customerScoresInputSchema>

const scoredCustomerSchema = z.object({
  customerId: z.string(),
  name: z.string().nullable(),
  score: z.int(),
  label: scoreLabelSchema,
  pActive: z.number().nullable(),
  netSpent: moneySchema,
  predictedValue365: moneySchema.nullable(),
})

/** The scores of a project's customers in one view: bands, the best leads, the valuable ones at risk, and the models. */
export const customerScoresSchema = z.object({
  currency: z.string(),
  /** When scores were last computed; null before the first order. */
  computedAt: isoDateTime.nullable(),
  labels: z.array(z.object({ label: scoreLabelSchema, customers: z.int(), netSpent: moneySchema, share: z.number() })),
  /** Highest scores first. */
  hot: z.array(scoredCustomerSchema),
  /** Highest predicted value among customers with P(active) below 0.5, or in the at-risk RFM segments. */
  atRisk: z.array(scoredCustomerSchema),
  /** Totals of the predictions over all customers; null until the models could be fitted. */
  predictions: z
    .object({
      customers: z.int(),
      expectedPurchases30: z.number(),
      expectedPurchases90: z.number(),
      predictedValue365: moneySchema,
      meanPActive: z.number(),
    })
    .nullable(),
  notes: z.array(z.string()),
})
export type CustomerScores = z.output<typeof customerScoresSchema>
