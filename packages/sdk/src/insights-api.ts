import type { Forecast, ForecastInput, Report, ReportInput, Segments, SegmentsInput, Trends, TrendsInput } from '@rapport/shared'
import type { Reader } from './internal/reader.js'

export type {
  Anomaly,
  BreakdownBy,
  BreakdownRow,
  Change,
  Cohort,
  CustomerStat,
  Forecast,
  ForecastInput,
  ForecastMetric,
  Interval,
  MetricTrend,
  Mover,
  ProductStat,
  Report,
  ReportFigures,
  ReportInput,
  ReportPoint,
  Seasonality,
  SegmentName,
  Segments,
  SegmentsInput,
  TrendMetric,
  Trends,
  TrendsInput,
} from '@rapport/shared'

/**
 * Sales analytics of the project, computed by the server from the events sent.
 * Needs a secret key (`rk_sec_…`): keep it on your server. Dates are
 * `YYYY-MM-DD` in the project's time zone, `from` inclusive and `to` exclusive;
 * money is an exact decimal string in the project's currency.
 */
export interface InsightsAPI {
  /**
   * Revenue, refunds, orders and customers for a period and each interval of it,
   * optionally against the previous period or year; top products and customers,
   * a breakdown (by `country`, `channel`, `source` or `trait:<key>`) and monthly cohorts.
   * @example
   * const report = await crm.insights.report({ from: '2025-01-01', to: '2025-04-01', interval: 'week', compareTo: 'previous_period' })
   * console.log(report.totals.netRevenue, report.comparison?.change.netRevenue?.relative)
   */
  report(input: ReportInput): Promise<Report>
  /**
   * Which way the headline metrics move (Theil–Sen slope, Mann–Kendall
   * significance), weekday and hour seasonality, anomalies, and the products
   * and countries rising or falling against the previous period.
   * @example
   * const { metrics, anomalies } = await crm.insights.trends({ from: '2025-01-01', to: '2025-07-01', interval: 'week' })
   * const revenue = metrics.find((metric) => metric.metric === 'netRevenue')?.direction // 'up' | 'down' | 'flat'
   */
  trends(input: TrendsInput): Promise<Trends>
  /**
   * RFM segments (champions, loyal, at_risk, …): their size, revenue share and
   * the customers who moved between them since `compareDays` ago.
   * @example
   * const { segments, movements } = await crm.insights.segments({ compareDays: 30 })
   */
  segments(input?: SegmentsInput): Promise<Segments>
  /**
   * The next days, weeks or months of net revenue, orders or paying customers,
   * with 80 % and 95 % prediction intervals, from the model that backtested best
   * on the project's own history (its accuracy next to seasonal naive's is in `backtest`).
   * @example
   * const { points, model, backtest } = await crm.insights.forecast({ metric: 'revenue', interval: 'week', horizon: 8 })
   */
  forecast(input?: ForecastInput): Promise<Forecast>
}

export function createInsightsAPI(read: Reader): InsightsAPI {
  return {
    report: (input) => read((trpc, signal) => trpc.insights.report.query(input, { signal })),
    trends: (input) => read((trpc, signal) => trpc.insights.trends.query(input, { signal })),
    segments: (input = {}) => read((trpc, signal) => trpc.insights.segments.query(input, { signal })),
    forecast: (input = {}) => read((trpc, signal) => trpc.insights.forecast.query(input, { signal })),
  }
}
