import { z } from 'zod'
import { checkPeriod, periodFields } from './period.js'

export const trendsInputSchema = z
  .strictObject({
    ...periodFields,
    /** Rows in the rising and falling lists. */
    limit: z.coerce.number<number>().int().min(1).max(50).default(5),
  })
  .superRefine(checkPeriod)
export type TrendsInput = z.input<typeof trendsInputSchema>

export const trendMetricSchema = z.enum(['netRevenue', 'orders', 'averageOrderValue', 'payingCustomers', 'newCustomers'])
export type TrendMetric = z.output<typeof trendMetricSchema>

/**
 * Direction of a metric over the period's intervals: Theil–Sen slope (median of
 * pairwise slopes, robust to outliers) and the Mann–Kendall test. `direction`
 * is `flat` unless the trend is significant at 5 %.
 */
export const metricTrendSchema = z.object({
  metric: trendMetricSchema,
  direction: z.enum(['up', 'down', 'flat']),
  /** Change per interval, in the metric's unit (major currency units for money). */
  slopePerInterval: z.number(),
  /** Slope relative to the series' median level. */
  relativeSlope: z.number().nullable(),
  mannKendall: z.object({ s: z.number(), z: z.number(), pValue: z.number(), tau: z.number() }),
  intervals: z.int(),
  /** The whole period against the one before it of equal length. */
  current: z.number(),
  previous: z.number(),
  growth: z.number().nullable(),
})
export type MetricTrend = z.output<typeof metricTrendSchema>

/** Share of revenue and orders by weekday (ISO: 1 = Monday) and by hour of the day, in the project's time zone. */
export const seasonalitySchema = z.object({
  weekday: z.array(z.object({ weekday: z.int(), netRevenue: z.string(), orders: z.int(), revenueShare: z.number(), orderShare: z.number() })),
  hour: z.array(z.object({ hour: z.int(), netRevenue: z.string(), orders: z.int(), revenueShare: z.number(), orderShare: z.number() })),
})
export type Seasonality = z.output<typeof seasonalitySchema>

/**
 * An interval far from its seasonal baseline: |actual − expected| above
 * `threshold` robust standard deviations (MAD × 1.4826).
 */
export const anomalySchema = z.object({
  start: z.iso.date(),
  metric: trendMetricSchema,
  actual: z.number(),
  expected: z.number(),
  score: z.number(),
  kind: z.enum(['spike', 'drop']),
})
export type Anomaly = z.output<typeof anomalySchema>

/** A product or breakdown value whose orders changed significantly against the previous period. */
export const moverSchema = z.object({
  key: z.string(),
  name: z.string().nullable(),
  current: z.object({ netRevenue: z.string(), orders: z.int() }),
  previous: z.object({ netRevenue: z.string(), orders: z.int() }),
  /** Relative change of net revenue; null when it was zero before. */
  growth: z.number().nullable(),
  /** Two-sided p-value of the change in orders (conditional binomial test of two Poisson counts). */
  pValue: z.number(),
})
export type Mover = z.output<typeof moverSchema>

export const trendsSchema = z.object({
  currency: z.string(),
  timezone: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  interval: z.enum(['day', 'week', 'month']),
  previous: z.object({ from: z.iso.date(), to: z.iso.date() }),
  metrics: z.array(metricTrendSchema),
  seasonality: seasonalitySchema,
  anomalies: z.array(anomalySchema),
  products: z.object({ rising: z.array(moverSchema), falling: z.array(moverSchema) }),
  countries: z.object({ rising: z.array(moverSchema), falling: z.array(moverSchema) }),
  notes: z.array(z.string()),
})
export type Trends = z.output<typeof trendsSchema>
