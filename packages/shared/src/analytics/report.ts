import { z } from 'zod'
import { moneySchema } from '../money-schema.js'
import { changeSchema, checkPeriod, periodFields } from './period.js'

/**
 * What to break revenue down by: a purchase field (`country`, `channel`,
 * `source`) or a customer trait (`trait:plan`, `trait:country`).
 */
export const breakdownBySchema = z.union([
  z.enum(['country', 'channel', 'source']),
  z.templateLiteral(['trait:', z.string().min(1).max(128)]),
])
export type BreakdownBy = z.output<typeof breakdownBySchema>

export const reportInputSchema = z
  .strictObject({
    ...periodFields,
    compareTo: z.enum(['previous_period', 'previous_year']).optional(),
    breakdownBy: breakdownBySchema.optional(),
    /** Rows in each top list and in the breakdown. */
    limit: z.coerce.number<number>().int().min(1).max(100).default(10),
  })
  .superRefine(checkPeriod)
export type ReportInput = z.input<typeof reportInputSchema>

/**
 * The figures of a period or one interval of it, in the project's currency
 * (orders in other currencies are left out and counted in `notes`).
 * - `grossRevenue`: totals of the orders placed in it, refunded or not;
 * - `refunds`: money given back in it (refunds and orders marked refunded), whenever the order was placed;
 * - `netRevenue` = gross − refunds (negative when returns exceed sales);
 * - `orders`, `itemsSold`: orders placed and units on them; `itemsReturned`: units on refunds;
 * - `averageOrderValue` = gross / orders;
 * - `payingCustomers`: known customers with an order in it; `newCustomers`: those whose first order ever is in it;
 *   `returningCustomers` = paying − new;
 * - `repeatPurchaseRate`: share of paying customers with at least two orders by its end;
 * - `revenuePerCustomer`: gross revenue of known customers' orders / paying customers;
 * - `guestRevenue`: gross revenue of orders without a customer.
 */
export const reportFiguresSchema = z.object({
  grossRevenue: moneySchema,
  refunds: moneySchema,
  netRevenue: moneySchema,
  orders: z.int(),
  itemsSold: z.int(),
  itemsReturned: z.int(),
  averageOrderValue: moneySchema,
  payingCustomers: z.int(),
  newCustomers: z.int(),
  returningCustomers: z.int(),
  repeatPurchaseRate: z.number(),
  revenuePerCustomer: moneySchema,
  guestRevenue: moneySchema,
})
export type ReportFigures = z.output<typeof reportFiguresSchema>

/** One interval: `start` inclusive, `end` exclusive (clipped to the period). */
export const reportPointSchema = reportFiguresSchema.extend({
  start: z.iso.date(),
  end: z.iso.date(),
})
export type ReportPoint = z.output<typeof reportPointSchema>

/** Net revenue of a product's lines: `quantity × unitPrice` of lines sold minus lines returned in the period. */
export const productStatSchema = z.object({
  productId: z.string(),
  name: z.string().nullable(),
  grossRevenue: moneySchema,
  refunds: moneySchema,
  netRevenue: moneySchema,
  quantity: z.int(),
  returnedQuantity: z.int(),
  orders: z.int(),
})
export type ProductStat = z.output<typeof productStatSchema>

export const customerStatSchema = z.object({
  customerId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  netRevenue: moneySchema,
  orders: z.int(),
})
export type CustomerStat = z.output<typeof customerStatSchema>

export const breakdownRowSchema = z.object({
  /** `null` for orders without that field or trait. */
  value: z.string().nullable(),
  grossRevenue: moneySchema,
  refunds: moneySchema,
  netRevenue: moneySchema,
  orders: z.int(),
  customers: z.int(),
  /** Share of the period's net revenue (0–1; may fall outside when refunds dominate). */
  share: z.number().nullable(),
})
export type BreakdownRow = z.output<typeof breakdownRowSchema>

/** Cohort = customers whose first order is in `cohort` (a month); `months[n]` is their n-th month after it. */
export const cohortSchema = z.object({
  cohort: z.string().regex(/^\d{4}-\d{2}$/),
  customers: z.int(),
  months: z.array(
    z.object({
      offset: z.int(),
      activeCustomers: z.int(),
      /** activeCustomers / customers. */
      retention: z.number(),
      netRevenue: moneySchema,
    }),
  ),
})
export type Cohort = z.output<typeof cohortSchema>

const figureChangeSchema = z.record(z.string(), changeSchema)

export const reportSchema = z.object({
  currency: z.string(),
  timezone: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  interval: z.enum(['day', 'week', 'month']),
  totals: reportFiguresSchema,
  series: z.array(reportPointSchema),
  comparison: z
    .object({
      kind: z.enum(['previous_period', 'previous_year']),
      from: z.iso.date(),
      to: z.iso.date(),
      totals: reportFiguresSchema,
      series: z.array(reportPointSchema),
      /** For each figure of `totals`: current − comparison, and relative. */
      change: figureChangeSchema,
    })
    .nullable(),
  topProducts: z.object({
    byNetRevenue: z.array(productStatSchema),
    byQuantity: z.array(productStatSchema),
    byOrders: z.array(productStatSchema),
  }),
  topCustomers: z.array(customerStatSchema),
  breakdown: z.object({ by: z.string(), rows: z.array(breakdownRowSchema) }).nullable(),
  cohorts: z.array(cohortSchema),
  /** Caveats a reader should know (orders in other currencies left out, …). */
  notes: z.array(z.string()),
})
export type Report = z.output<typeof reportSchema>

