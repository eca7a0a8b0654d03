import { currencyExponent, type Locale, type Mover } from '@rapport/shared'
import { addMonths } from '../analytics/calendar.js'
import { isProduct } from './assistant-tools.js'
import { subtractMoney, sumMoney } from './decimal.js'
import { createFactSheet, type FactSheet } from './fact-sheet.js'
import { lastDayOf, type SummaryData } from './summary-data.js'

/** A period that is exactly one calendar month reads as its name. */
export function isWholeMonth(period: { from: string; to: string }): boolean {
  return period.from.endsWith('-01') && addMonths(period.from, 1) === period.to
}

/** How many products and countries the facts (and so the text) name. */
const TOP = 3

function movers(sheet: FactSheet, prefix: string, rows: readonly Mover[], exponent: number): void {
  rows.slice(0, TOP).forEach((row, index) => {
    const id = `${prefix}.${index + 1}`
    sheet.text(`${id}.name`, 'name', row.name ?? row.key)
    sheet.money(`${id}.net`, 'net revenue in the period', row.current.netRevenue)
    sheet.money(`${id}.delta`, 'net revenue change against the previous period', subtractMoney(row.current.netRevenue, row.previous.netRevenue, exponent))
    if (row.growth !== null) sheet.change(`${id}.change`, 'relative change of net revenue', row.growth)
  })
}

/**
 * The facts of a summary: every figure its text may use, under stable ids
 * (`revenue.net`, `products.falling.1.name`, …). Both engines write from these
 * and nothing else, and the grounding check holds a text to them.
 */
export function summaryFacts(data: SummaryData, locale: Locale): FactSheet {
  const sheet = createFactSheet(locale, data.currency)
  const exponent = currencyExponent(data.currency)
  const { report, trends, forecast, segments } = data
  const totals = report.totals
  const previous = report.comparison?.totals
  const change = report.comparison?.change ?? {}

  sheet.date('period.from', 'first day of the period', data.from)
  sheet.date('period.last', 'last day of the period', lastDayOf(data))
  if (isWholeMonth(data)) sheet.month('period.month', 'the month of the period', data.from)
  sheet.money('revenue.net', 'net revenue', totals.netRevenue)
  sheet.money('revenue.refunds', 'refunds', totals.refunds)
  sheet.count('orders', 'orders', totals.orders)
  sheet.money('aov', 'average order value', totals.averageOrderValue)
  sheet.count('customers.paying', 'paying customers', totals.payingCustomers)
  sheet.count('customers.new', 'new customers', totals.newCustomers)
  if (previous) {
    sheet.money('revenue.net.previous', 'net revenue in the previous period', previous.netRevenue)
    sheet.count('orders.previous', 'orders in the previous period', previous.orders)
    sheet.count('customers.new.previous', 'new customers in the previous period', previous.newCustomers)
    sheet.money('revenue.net.delta', 'net revenue change', subtractMoney(totals.netRevenue, previous.netRevenue, exponent))
  }
  const relative = (key: string, id: string, label: string) => {
    const value = change[key]?.relative
    if (value !== null && value !== undefined) sheet.change(id, label, value)
  }
  relative('netRevenue', 'revenue.net.change', 'net revenue change against the previous period')
  relative('orders', 'orders.change', 'orders change')
  relative('averageOrderValue', 'aov.change', 'average order value change')
  relative('payingCustomers', 'customers.paying.change', 'paying customers change')
  relative('newCustomers', 'customers.new.change', 'new customers change')

  const topProducts = report.topProducts.byNetRevenue.filter((product) => isProduct(product.productId)).slice(0, TOP)
  topProducts.forEach((product, index) => {
    sheet.text(`products.top.${index + 1}.name`, 'product', product.name ?? product.productId)
    sheet.money(`products.top.${index + 1}.net`, 'net revenue', product.netRevenue)
  })
  movers(sheet, 'products.rising', trends.products.rising.filter((row) => isProduct(row.key)), exponent)
  movers(sheet, 'products.falling', trends.products.falling.filter((row) => isProduct(row.key)), exponent)
  movers(sheet, 'countries.rising', trends.countries.rising, exponent)
  movers(sheet, 'countries.falling', trends.countries.falling, exponent)
  report.breakdown?.rows
    .filter((row) => row.value !== null)
    .slice(0, TOP)
    .forEach((row, index) => {
      sheet.text(`countries.top.${index + 1}.name`, 'country', row.value ?? '')
      sheet.money(`countries.top.${index + 1}.net`, 'net revenue', row.netRevenue)
      if (row.share !== null) sheet.ratio(`countries.top.${index + 1}.share`, 'share of net revenue', row.share)
    })

  const point = forecast?.points[0]
  if (point) {
    sheet.month('forecast.month', 'forecast month', point.start)
    sheet.money('forecast.value', 'forecast net revenue', String(point.value))
    sheet.money('forecast.lower80', 'forecast, 80% interval low', String(point.lower80))
    sheet.money('forecast.upper80', 'forecast, 80% interval high', String(point.upper80))
    sheet.ratio('forecast.level', 'probability of the interval', 0.8)
  }

  // Recommendations estimate their impact over the next 30 days.
  if (data.recommendations.items.length > 0) sheet.count('actions.horizon', 'days the expected impact covers', 30)
  data.recommendations.items.slice(0, TOP).forEach((item, index) => {
    const id = `actions.${index + 1}`
    sheet.text(`${id}.title`, 'recommended action', item.title)
    sheet.money(`${id}.impact`, 'expected extra revenue in the next 30 days', item.expectedImpact.revenue)
    sheet.text(`${id}.confidence`, 'confidence', item.confidenceLevel)
    if (item.customerCount > 0) sheet.count(`${id}.customers`, 'customers to act on', item.customerCount)
  })

  const segment = (name: string) => segments.segments.find((row) => row.segment === name)
  const slipping = [segment('at_risk'), segment('cant_lose_them')].filter((row) => row !== undefined)
  const slippingCustomers = slipping.reduce((sum, row) => sum + row.customers, 0)
  if (slippingCustomers > 0) {
    sheet.count('segments.slipping.customers', 'customers at risk or that the shop cannot lose', slippingCustomers)
    sheet.money('segments.slipping.revenue', 'their lifetime net revenue', sumMoney(slipping.map((row) => row.netRevenue), exponent))
    const share = slipping.reduce((sum, row) => sum + (row.revenueShare ?? 0), 0)
    sheet.ratio('segments.slipping.share', 'their share of lifetime net revenue', share)
  }
  const champions = segment('champions')
  if (champions && champions.customers > 0) {
    sheet.count('segments.champions.customers', 'champion customers', champions.customers)
    if (champions.revenueShare !== null) sheet.ratio('segments.champions.share', 'champions’ share of lifetime net revenue', champions.revenueShare)
  }
  return sheet
}
