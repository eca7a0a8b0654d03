import { z } from 'zod'
import { moneySchema } from '../money-schema.js'
import { isoDateSchema } from './period.js'

/** The standard RFM segments, from best to worst. */
export const segmentNameSchema = z.enum([
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose_them',
  'hibernating',
  'lost',
])
export type SegmentName = z.output<typeof segmentNameSchema>

/**
 * RFM scores, 1–5 each: a customer's quintile of recency (last order), frequency
 * (orders) and monetary value (net spent) among the project's customers with an
 * order. Ties share a score: score = 1 + ⌊5 × (customers strictly below) / customers⌋.
 */
export const rfmSchema = z.object({
  recency: z.int().min(1).max(5),
  frequency: z.int().min(1).max(5),
  monetary: z.int().min(1).max(5),
  segment: segmentNameSchema,
})
export type Rfm = z.output<typeof rfmSchema>

export const segmentsInputSchema = z.strictObject({
  /** Scores as of the start of this day (default: now). */
  asOf: isoDateSchema.optional(),
  /** Movement is measured against the scores this many days earlier. */
  compareDays: z.coerce.number<number>().int().min(1).max(3660).default(30),
  projectId: z.uuid().optional(),
})
export type SegmentsInput = z.input<typeof segmentsInputSchema>

export const segmentsSchema = z.object({
  currency: z.string(),
  asOf: z.iso.datetime({ offset: true }),
  previousAsOf: z.iso.datetime({ offset: true }),
  customers: z.int(),
  segments: z.array(
    z.object({
      segment: segmentNameSchema,
      customers: z.int(),
      share: z.number(),
      /** Lifetime net spent of the segment's customers. */
      netRevenue: moneySchema,
      revenueShare: z.number().nullable(),
      previousCustomers: z.int(),
    }),
  ),
  /** Customers who moved between segments (`from: null` = had no order before). */
  movements: z.array(z.object({ from: segmentNameSchema.nullable(), to: segmentNameSchema, customers: z.int() })),
})
export type Segments = z.output<typeof segmentsSchema>
