import type { AskResult, ToolCall } from '@rapport/shared'
import { sql } from 'kysely'
import { addDays, addMonths, truncate } from '../analytics/calendar.js'
import { ASK_MESSAGES, formatters, type Line } from './ask-messages.js'
import {
  bundlesTool,
  forecastTool,
  lastSaleDay,
  recommendationsTool,
  salesReportTool,
  searchCustomersTool,
  segmentsTool,
  type ToolContext,
  topProductsTool,
  trendsTool,
} from './assistant-tools.js'
import { classifyQuestion, type QuestionIntent } from './question-kinds.js'
import { callTool } from './run-tool.js'

interface Period {
  from: string
  to: string
}

/** The month a question names (the latest one with data), or the last whole month with data. */
function monthOf(intent: QuestionIntent, end: string): Period {
  if (intent.month !== null) {
    const month = String(intent.month).padStart(2, '0')
    let year = intent.year ?? Number(end.slice(0, 4))
    if (intent.year === null && `${year}-${month}-01` >= end) year -= 1
    const from = `${year}-${month}-01`
    return { from, to: addMonths(from, 1) }
  }
  const lastMonth = truncate(addDays(end, -1), 'month')
  const from = addMonths(lastMonth, 1) === end ? lastMonth : addMonths(lastMonth, -1)
  return { from, to: addMonths(from, 1) }
}

async function projectCountries(context: ToolContext): Promise<string[]> {
  const result = await sql<{ country: string }>`
    select distinct traits->>'country' as country from customers
    where project_id = ${context.project.id} and traits->>'country' is not null limit 500
  `.execute(context.db)
  return result.rows.map((row) => row.country)
}

type Answer = Pick<AskResult, 'answer' | 'followUp' | 'insufficientData'>

/**
 * `insights.ask` without a model: the question is matched to one of the common
 * kinds and answered from the same tools a model would call, with templates,
 * so every figure comes from the tools' data. Anything else gets an honest
 * "I can't answer that without an AI model configured".
 */
export async function deterministicAsk(context: ToolContext, question: string): Promise<AskResult> {
  const m = ASK_MESSAGES[context.locale]
  const calls: ToolCall[] = []
  const result = (answer: Answer): AskResult => ({ engine: 'deterministic', locale: context.locale, ...answer, toolCalls: calls, notes: [] })
  const intent = classifyQuestion(question, await projectCountries(context))
  if (!intent) return result({ answer: m.cannotAnswer, followUp: m.followUp.forecast, insufficientData: true })
  const end = await lastSaleDay(context)
  if (end === null) return result({ answer: m.noSales, followUp: null, insufficientData: true })
  return result(await answerIntent(context, intent, question, end, calls))
}

async function answerIntent(context: ToolContext, intent: QuestionIntent, question: string, end: string, calls: ToolCall[]): Promise<Answer> {
  const m = ASK_MESSAGES[context.locale]
  const f = formatters(context.locale, context.project.currency)
  const periodText = (period: { from: string; lastDay: string }, wholeMonth = false) =>
    m.period(wholeMonth ? f.month(period.from) : f.date(period.from), f.date(period.lastDay), wholeMonth)
  switch (intent.kind) {
    case 'revenue_change': {
      const month = monthOf(intent, end)
      const report = await callTool(context, salesReportTool, { ...month, compareTo: 'previous_period', breakdownBy: 'country' }, calls)
      const trends = await callTool(context, trendsTool, { ...month, interval: 'week' }, calls)
      const comparison = report.comparison
      const relative = (key: string) => {
        const value = comparison?.relativeChange[key]
        return value === null || value === undefined ? null : f.change(value)
      }
      const parts = [
        m.revenue({
          period: periodText(report.period, true),
          net: f.money(report.totals.netRevenue),
          change: relative('netRevenue'),
          previousNet: f.money(comparison?.totals.netRevenue ?? '0'),
          previousPeriod: comparison ? periodText({ from: comparison.from, lastDay: addDays(comparison.to, -1) }) : '',
        }),
        m.orders({ orders: f.count(report.totals.orders), ordersChange: relative('orders'), aov: f.money(report.totals.averageOrderValue), aovChange: relative('averageOrderValue') }),
      ]
      const moverLines = (rows: typeof trends.products.rising) =>
        rows.slice(0, 3).map((row) => ({ name: row.name ?? row.key, figures: m.moverFigures(f.money(row.previousNetRevenue), f.money(row.netRevenue), row.growth === null ? null : f.change(row.growth)) }))
      const falling = relative('netRevenue')?.startsWith('−') ?? false
      const order = falling ? (['falling', 'rising'] as const) : (['rising', 'falling'] as const)
      let movers = 0
      for (const direction of order) {
        for (const kind of ['product', 'country'] as const) {
          const rows = (kind === 'product' ? trends.products : trends.countries)[direction]
          if (rows.length === 0) continue
          movers++
          parts.push(m.movers(direction, kind, moverLines(rows)))
        }
      }
      if (movers === 0) parts.push(m.noMovers)
      return { answer: parts.join('\n\n'), followUp: m.followUp.revenue, insufficientData: report.totals.orders === 0 }
    }
    case 'top_products': {
      const data = await callTool(context, topProductsTool, { from: addDays(end, -90), to: end, by: 'netRevenue', limit: 5 }, calls)
      const lines = data.products.map((product) => ({ name: product.name ?? product.productId, figures: m.productFigures(f.money(product.netRevenue), f.count(product.quantity)) }))
      return { answer: m.topProducts(periodText(data.period), lines), followUp: m.followUp.products, insufficientData: lines.length === 0 }
    }
    case 'best_customers': {
      const data = await callTool(context, searchCustomersTool, { sort: 'totalSpent', limit: 5, ...(intent.country === null ? {} : { country: intent.country }) }, calls)
      if (data.customers.length === 0) return { answer: m.noCustomers(intent.country), followUp: m.followUp.customers, insufficientData: true }
      const lines = data.customers.map((customer) => ({ name: customer.name ?? customer.customerId, figures: m.customerFigures(f.money(customer.netSpent), f.count(customer.orders)) }))
      return { answer: m.bestCustomers(intent.country, lines), followUp: m.followUp.customers, insufficientData: false }
    }
    case 'bundles': {
      const data = await callTool(context, bundlesTool, { to: end, limit: 5 }, calls)
      const period = periodText(data.period)
      if (data.bundles.length === 0) return { answer: m.noBundles(period), followUp: m.followUp.bundles, insufficientData: true }
      const lines: Line[] = data.bundles.map((bundle) => ({
        name: bundle.products.map((product) => product.name ?? product.productId).join(' + '),
        figures: m.together(f.count(bundle.orders), f.decimal(bundle.lift, 1)),
      }))
      return { answer: m.bundles(period, f.count(data.orders), lines), followUp: m.followUp.bundles, insufficientData: false }
    }
    case 'forecast': {
      const monthly = /month|месяц/i.test(question) || intent.month !== null
      const data = await callTool(context, forecastTool, { metric: 'revenue', interval: monthly ? 'month' : 'week', horizon: monthly ? 1 : 4 }, calls)
      if (data.points.length === 0) return { answer: m.noForecast, followUp: m.followUp.forecast, insufficientData: true }
      const lines = data.points.map((point) => ({
        name: monthly ? f.month(point.start) : f.date(point.start),
        figures: `${f.money(point.value)} (${f.money(point.lower80)} – ${f.money(point.upper80)})`,
      }))
      return { answer: m.forecast(f.percent(data.intervalLevel), lines), followUp: m.followUp.forecast, insufficientData: false }
    }
    case 'recommendations': {
      const data = await callTool(context, recommendationsTool, { limit: 3 }, calls)
      if (data.items.length === 0) return { answer: m.noRecommendations(data.notEnoughData?.reason ?? ''), followUp: m.followUp.recommendations, insufficientData: true }
      const lines = data.items.map((item) => ({ name: item.title, figures: m.recommendationFigures(f.money(item.expectedRevenue30Days), f.count(data.impactHorizonDays), item.confidence) }))
      return { answer: m.recommendations(lines), followUp: m.followUp.recommendations, insufficientData: false }
    }
    case 'segments': {
      const data = await callTool(context, segmentsTool, {}, calls)
      const lines = data.segments
        .filter((row) => row.customers > 0)
        .map((row) => ({ name: row.segment, figures: `${f.count(row.customers)}${row.revenueShare === null ? '' : `, ${f.percent(row.revenueShare)}`}` }))
      return { answer: m.segments(f.date(data.asOf.slice(0, 10)), f.count(data.customers), lines), followUp: m.followUp.segments, insufficientData: data.customers === 0 }
    }
  }
}

