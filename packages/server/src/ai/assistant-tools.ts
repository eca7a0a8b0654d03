import { forecastMetricSchema, intervalSchema, isoDateSchema, type JsonValue, type Locale, segmentNameSchema } from '@rapport/shared'
import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import { addDays } from '../analytics/calendar.js'
import { buildForecast } from '../analytics/forecast.service.js'
import { buildRecommendations } from '../analytics/recommendations.service.js'
import { createProductFilter, mineAssociationRules } from '../analytics/recommend/index.js'
import { refreshAnalytics } from '../analytics/refresh-analytics.js'
import { buildReport } from '../analytics/report.service.js'
import { buildSegments } from '../analytics/segments.service.js'
import { buildTrends } from '../analytics/trends.service.js'
import { listCustomerPage } from '../customers/customers.service.js'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { basketsOf } from './bundles.repository.js'

/**
 * What every tool runs with. The project comes from the caller's credentials,
 * never from the model: no tool takes a project id, so a model (or a prompt
 * injected into the data it reads) cannot reach another project.
 */
export interface ToolContext {
  db: Kysely<Database>
  project: ProjectRow
  locale: Locale
}

/** A typed, project-scoped function over our analytics that the model (or the deterministic assistant) may call. */
export interface AssistantTool<S extends z.ZodType = z.ZodType, D extends JsonValue = JsonValue> {
  name: string
  /** For the model: what it answers and when to use it. */
  description: string
  parameters: S
  /** Compact JSON: what the model reads and what the answer lists as its source. */
  run(context: ToolContext, input: z.output<S>): Promise<D>
}

function defineTool<S extends z.ZodType, D extends JsonValue>(tool: AssistantTool<S, D>): AssistantTool<S, D> {
  return tool
}

const period = {
  from: isoDateSchema.describe('First day, YYYY-MM-DD, inclusive'),
  to: isoDateSchema.describe('Day after the last day, YYYY-MM-DD, exclusive'),
}

/** A period is at least a day and the analytics take at most ten years. */
function checkedPeriod(input: { from: string; to: string }): { from: string; to: string } {
  if (input.to <= input.from) throw new ToolInputError('`to` must be after `from` (it is exclusive)')
  return { from: input.from, to: input.to }
}

/** Postage, carriage, discounts, manual adjustments: lines that are not products to sell or bundle. */
export const isProduct = createProductFilter()

/** `to` is exclusive: `lastDay` saves the reader (and the model) the subtraction. */
function periodOf(period: { from: string; to: string }): { from: string; to: string; lastDay: string } {
  return { from: period.from, to: period.to, lastDay: addDays(period.to, -1) }
}

/** The model sent arguments we cannot use: the message goes back to it as the tool's result. */
export class ToolInputError extends Error {
  override name = 'ToolInputError'
}

export const dataRangeTool = defineTool({
  name: 'data_range',
  description: 'The first and last day with sales, the currency and time zone. Call first to choose periods ("last month", "in March").',
  parameters: z.strictObject({}),
  run: async ({ db, project }) => {
    await refreshAnalytics(db, project)
    const result = await sql<{ first: string | null; last: string | null }>`
      select min(day)::text as first, max(day)::text as last from daily_sales where project_id = ${project.id}
    `.execute(db)
    const row = result.rows[0]
    return { firstDay: row?.first ?? null, lastDay: row?.last ?? null, currency: project.currency, timezone: project.timezone }
  },
})

export const salesReportTool = defineTool({
  name: 'sales_report',
  description: 'Net revenue, orders, average order value and customers of a period, against the previous period or year, with a breakdown and the top products.',
  parameters: z.strictObject({
    ...period,
    compareTo: z.enum(['previous_period', 'previous_year']).default('previous_period'),
    breakdownBy: z.enum(['country', 'channel', 'source']).default('country'),
  }),
  run: async ({ db, project }, input) => {
    const report = await buildReport(db, project, { ...checkedPeriod(input), compareTo: input.compareTo, breakdownBy: input.breakdownBy, limit: 5 })
    const pick = (figures: typeof report.totals) => ({
      netRevenue: figures.netRevenue,
      refunds: figures.refunds,
      orders: figures.orders,
      averageOrderValue: figures.averageOrderValue,
      payingCustomers: figures.payingCustomers,
      newCustomers: figures.newCustomers,
    })
    return {
      period: periodOf(report),
      currency: report.currency,
      totals: pick(report.totals),
      comparison: report.comparison && {
        kind: report.comparison.kind,
        from: report.comparison.from,
        to: report.comparison.to,
        totals: pick(report.comparison.totals),
        relativeChange: Object.fromEntries(Object.entries(report.comparison.change).map(([key, change]) => [key, change.relative])),
      },
      topProducts: report.topProducts.byNetRevenue.map((product) => ({ productId: product.productId, name: product.name, netRevenue: product.netRevenue, quantity: product.quantity })),
      breakdown: report.breakdown && {
        by: report.breakdown.by,
        rows: report.breakdown.rows.map((row) => ({ value: row.value, netRevenue: row.netRevenue, orders: row.orders, share: row.share })),
      },
      notes: report.notes,
    }
  },
})

export const trendsTool = defineTool({
  name: 'trends',
  description: 'Which way revenue, orders and customers move in a period, anomalies, and the products and countries that rose or fell most against the previous period of equal length. Use it to explain why revenue changed.',
  parameters: z.strictObject({ ...period, interval: intervalSchema.default('week') }),
  run: async ({ db, project }, input) => {
    const result = await buildTrends(db, project, { ...checkedPeriod(input), interval: input.interval, limit: 5 })
    const mover = (row: (typeof result.products.rising)[number]) => ({
      key: row.key,
      name: row.name,
      netRevenue: row.current.netRevenue,
      previousNetRevenue: row.previous.netRevenue,
      growth: row.growth,
    })
    return {
      period: periodOf(result),
      previous: periodOf(result.previous),
      metrics: result.metrics.map((metric) => ({ metric: metric.metric, direction: metric.direction, current: metric.current, previous: metric.previous, growth: metric.growth })),
      anomalies: result.anomalies.slice(0, 5).map((anomaly) => ({ start: anomaly.start, metric: anomaly.metric, kind: anomaly.kind, actual: anomaly.actual, expected: anomaly.expected })),
      products: { rising: result.products.rising.map(mover), falling: result.products.falling.map(mover) },
      countries: { rising: result.countries.rising.map(mover), falling: result.countries.falling.map(mover) },
      notes: result.notes,
    }
  },
})

export const forecastTool = defineTool({
  name: 'forecast',
  description: 'Forecast of net revenue, orders or paying customers for the next days, weeks or months after the last day with data, with 80% intervals.',
  parameters: z.strictObject({
    metric: forecastMetricSchema.default('revenue'),
    interval: intervalSchema.default('week'),
    horizon: z.int().min(1).max(12).default(4),
  }),
  run: async ({ db, project }, input) => {
    const result = await buildForecast(db, project, input)
    return {
      metric: result.metric,
      interval: result.interval,
      model: result.model,
      historyEnd: result.historyEnd,
      intervalLevel: 0.8,
      points: result.points.map((point) => ({ start: point.start, value: point.value, lower80: point.lower80, upper80: point.upper80 })),
      notes: result.notes,
    }
  },
})

export const segmentsTool = defineTool({
  name: 'segments',
  description: 'RFM customer segments (champions, loyal, at_risk, lost, …) as of a day: their size and share of lifetime revenue.',
  parameters: z.strictObject({ asOf: isoDateSchema.optional().describe('Scores as of the start of this day; default: the day after the last sale') }),
  run: async (context, input) => {
    const asOf = input.asOf ?? (await lastSaleDay(context))
    const result = await buildSegments(context.db, context.project, asOf === null ? {} : { asOf })
    return {
      asOf: result.asOf,
      customers: result.customers,
      segments: result.segments.map((row) => ({ segment: row.segment, customers: row.customers, netRevenue: row.netRevenue, revenueShare: row.revenueShare })),
    }
  },
})

export const searchCustomersTool = defineTool({
  name: 'search_customers',
  description: 'Customers of the project, best first by lifetime net spent (or orders, or last seen), optionally in a country, an RFM segment or matching a name, email or id.',
  parameters: z.strictObject({
    search: z.string().max(256).optional(),
    country: z.string().max(128).optional().describe('Country as stored, in English, e.g. Germany, United Kingdom, EIRE'),
    segment: segmentNameSchema.optional(),
    sort: z.enum(['totalSpent', 'orders', 'lastSeen']).default('totalSpent'),
    limit: z.int().min(1).max(20).default(5),
  }),
  run: async ({ db, project }, input) => {
    const page = await listCustomerPage(db, project, {
      sort: input.sort,
      order: 'desc',
      limit: input.limit,
      ...(input.search === undefined ? {} : { search: input.search }),
      ...(input.segment === undefined ? {} : { segment: input.segment }),
      ...(input.country === undefined ? {} : { traitKey: 'country', traitValue: input.country }),
    })
    return {
      customers: page.items.map((customer) => ({
        customerId: customer.customerId,
        name: customer.name,
        country: typeof customer.traits.country === 'string' ? customer.traits.country : null,
        orders: customer.totals.orders,
        netSpent: customer.totals.netSpent,
        segment: customer.rfm?.segment ?? null,
      })),
    }
  },
})

export const topProductsTool = defineTool({
  name: 'top_products',
  description: 'Best-selling products of a period by net revenue, units or orders.',
  parameters: z.strictObject({ ...period, by: z.enum(['netRevenue', 'quantity', 'orders']).default('netRevenue'), limit: z.int().min(1).max(20).default(5) }),
  run: async ({ db, project }, input) => {
    // Postage, discounts and manual lines are not products: ask for a few more and drop them.
    const report = await buildReport(db, project, { ...checkedPeriod(input), limit: Math.min(100, input.limit + 10) })
    const list = input.by === 'quantity' ? report.topProducts.byQuantity : input.by === 'orders' ? report.topProducts.byOrders : report.topProducts.byNetRevenue
    return {
      period: periodOf(report),
      by: input.by,
      products: list.filter((product) => isProduct(product.productId)).slice(0, input.limit).map((product) => ({ productId: product.productId, name: product.name, netRevenue: product.netRevenue, quantity: product.quantity, orders: product.orders })),
    }
  },
})

export const bundlesTool = defineTool({
  name: 'product_bundles',
  description: 'Products bought together in the same order far more often than chance (association rules): candidates for bundles. Default period: the last 365 days with data.',
  parameters: z.strictObject({ from: period.from.optional(), to: period.to.optional(), limit: z.int().min(1).max(10).default(5) }),
  run: async (context, input) => {
    const last = await lastSaleDay(context)
    const to = input.to ?? last ?? addDays(input.from ?? '1970-01-01', 365)
    const window = checkedPeriod({ from: input.from ?? addDays(to, -365), to })
    const { baskets, names } = await basketsOf(context.db, context.project, window)
    const mined = mineAssociationRules(baskets, { limit: input.limit })
    return {
      period: periodOf(window),
      orders: mined.basketCount,
      bundles: mined.bundles.map((bundle) => ({
        products: bundle.productIds.map((productId) => ({ productId, name: names.get(productId) ?? null })),
        orders: bundle.supportCount,
        lift: Math.round(bundle.lift * 10) / 10,
      })),
    }
  },
})

export const recommendationsTool = defineTool({
  name: 'recommendations',
  description:
    'Ranked actions to raise sales (win back customers, cross-sell, rising and falling products, best contact time, markets, returns), each with why, evidence, expected 30-day revenue impact and confidence. Use it for "what should I do?".',
  parameters: z.strictObject({ limit: z.int().min(1).max(10).default(3) }),
  run: async ({ db, project, locale }, input) => {
    const result = await buildRecommendations(db, project, { limit: input.limit, locale })
    return {
      issuedAt: result.issuedAt,
      impactHorizonDays: 30,
      items: result.items.map((item) => ({
        rank: item.rank,
        type: item.type,
        title: item.title,
        why: item.why,
        evidence: item.evidence,
        customers: item.customerCount,
        products: item.products.map((product) => product.name ?? product.productId),
        expectedRevenue30Days: item.expectedImpact.revenue,
        confidence: item.confidenceLevel,
      })),
      notEnoughData: result.notEnoughData,
    }
  },
})

/** The day after the last day with sales (an exclusive `to`), or null with no sales. */
export async function lastSaleDay(context: ToolContext): Promise<string | null> {
  const range = await dataRangeTool.run(context, {})
  return range.lastDay === null ? null : addDays(range.lastDay, 1)
}

/**
 * The assistant's tools. A new analytics function becomes a tool with one more
 * entry here (name, description, zod parameters, a `run` that returns compact JSON).
 */
export const ASSISTANT_TOOLS: readonly AssistantTool[] = [
  dataRangeTool,
  salesReportTool,
  trendsTool,
  topProductsTool,
  searchCustomersTool,
  bundlesTool,
  forecastTool,
  segmentsTool,
  recommendationsTool,
]

export function findTool(name: string): AssistantTool | undefined {
  return ASSISTANT_TOOLS.find((tool) => tool.name === name)
}
