import type { Forecast, Recommendations, Report, ReportFigures, Segments, Trends } from '@rapport/sdk'
import { percent, table } from './table.js'

type Figure = keyof ReportFigures

const FIGURES: ReadonlyArray<[Figure, string]> = [
  ['netRevenue', 'Net revenue'],
  ['grossRevenue', 'Gross revenue'],
  ['refunds', 'Refunds'],
  ['orders', 'Orders'],
  ['averageOrderValue', 'Average order value'],
  ['payingCustomers', 'Paying customers'],
  ['newCustomers', 'New customers'],
  ['repeatPurchaseRate', 'Repeat-purchase rate'],
]

export function reportTables(report: Report): string {
  const money = (value: string) => `${value} ${report.currency}`
  const show = (figures: ReportFigures, figure: Figure) => {
    const value = figures[figure]
    if (figure === 'repeatPurchaseRate') return percent(Number(value))
    return typeof value === 'string' ? money(value) : value
  }
  const totals = table(`Report ${report.from} → ${report.to} (${report.timezone})`, FIGURES, [
    { header: 'figure', cell: ([, label]) => label },
    { header: 'value', cell: ([figure]) => show(report.totals, figure), align: 'right' },
    { header: 'vs previous', cell: ([figure]) => percent(report.comparison?.change[figure]?.relative), align: 'right' },
  ])
  const series = table(`Net revenue by ${report.interval}`, report.series, [
    { header: 'from', cell: (point) => point.start },
    { header: 'net revenue', cell: (point) => money(point.netRevenue), align: 'right' },
    { header: 'orders', cell: (point) => point.orders, align: 'right' },
    { header: 'customers', cell: (point) => point.payingCustomers, align: 'right' },
  ])
  const products = table('Top products by net revenue', report.topProducts.byNetRevenue, [
    { header: 'product', cell: (product) => product.name ?? product.productId },
    { header: 'net revenue', cell: (product) => money(product.netRevenue), align: 'right' },
    { header: 'quantity', cell: (product) => product.quantity, align: 'right' },
    { header: 'orders', cell: (product) => product.orders, align: 'right' },
  ])
  return [totals, series, products].join('\n')
}

export function trendsTable(trends: Trends): string {
  return table(`Trends against ${trends.previous.from} → ${trends.previous.to}`, trends.metrics, [
    { header: 'metric', cell: (trend) => trend.metric },
    { header: 'direction', cell: (trend) => trend.direction },
    { header: 'growth', cell: (trend) => percent(trend.growth), align: 'right' },
    { header: 'p-value', cell: (trend) => trend.mannKendall.pValue.toFixed(3), align: 'right' },
  ])
}

export function segmentsTable(segments: Segments): string {
  return table(`RFM segments (${segments.customers} customers)`, segments.segments, [
    { header: 'segment', cell: (segment) => segment.segment },
    { header: 'customers', cell: (segment) => segment.customers, align: 'right' },
    { header: 'share', cell: (segment) => percent(segment.share), align: 'right' },
    { header: 'net revenue', cell: (segment) => `${segment.netRevenue} ${segments.currency}`, align: 'right' },
  ])
}

export function forecastTable(forecast: Forecast): string {
  const accuracy = forecast.backtest ? `, backtest MASE ${forecast.backtest.mase.toFixed(2)}` : ''
  return table(`Forecast of ${forecast.metric} by ${forecast.interval} (model ${forecast.model}${accuracy})`, forecast.points, [
    { header: 'from', cell: (point) => point.start },
    { header: 'forecast', cell: (point) => point.value, align: 'right' },
    { header: '80 % interval', cell: (point) => `${point.lower80} – ${point.upper80}`, align: 'right' },
    { header: '95 % interval', cell: (point) => `${point.lower95} – ${point.upper95}`, align: 'right' },
  ])
}

export function recommendationsTable(recommendations: Recommendations): string {
  const missing = recommendations.notEnoughData
  if (missing) return `Recommendations: not enough data yet (${missing.reason}; needed: ${missing.needed.join(', ')})\n`
  return table('Recommendations', recommendations.items, [
    { header: '#', cell: (item) => item.rank, align: 'right' },
    { header: 'action', cell: (item) => item.title },
    { header: 'customers', cell: (item) => item.customerCount, align: 'right' },
    { header: 'expected 30-day revenue', cell: (item) => `${item.expectedImpact.revenue} ${item.expectedImpact.currency}`, align: 'right' },
    { header: 'confidence', cell: (item) => item.confidenceLevel },
  ])
}
