import type {
  AskInput,
  AskResult,
  CustomerScores,
  CustomerScoresInput,
  Forecast,
  ForecastInput,
  RecommendationOutcomes,
  RecommendationOutcomesInput,
  Recommendations,
  RecommendationsInput,
  Report,
  ReportInput,
  Segments,
  SegmentsInput,
  Summary,
  SummaryInput,
  Trends,
  TrendsInput,
} from '@rapport/shared'
import type { Reader } from './internal/reader.js'

export type {
  Anomaly,
  AskInput,
  AskResult,
  AssistantEngine,
  BreakdownBy,
  BreakdownRow,
  Change,
  Cohort,
  CustomerScore,
  CustomerScores,
  CustomerScoresInput,
  CustomerStat,
  Fact,
  Forecast,
  ForecastInput,
  ForecastMetric,
  Interval,
  Locale,
  MetricTrend,
  Mover,
  ProductStat,
  Recommendation,
  RecommendationOutcome,
  RecommendationOutcomes,
  RecommendationOutcomesInput,
  Recommendations,
  RecommendationsInput,
  RecommendationType,
  Report,
  ReportFigures,
  ReportInput,
  ReportPoint,
  ScoreLabel,
  ScoreReason,
  Seasonality,
  SegmentName,
  Segments,
  SegmentsInput,
  Summary,
  SummaryBullet,
  SummaryInput,
  SummarySection,
  ToolCall,
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
  /**
   * Ranked actions to raise sales — win back quiet valuable customers, cross-sell pairs, next best
   * products, rising and falling products, the best time to contact customers, markets to invest in
   * or investigate, products returned too often — each with its evidence (`why`, `evidence`), the
   * customers and products it concerns, the expected 30-day revenue impact and how it was estimated,
   * and a confidence. A new set is issued when data changed (at most hourly); a small project gets
   * `notEnoughData` with what is needed instead.
   * @example
   * const { items } = await crm.insights.recommendations({ limit: 5 })
   * for (const rec of items) console.log(rec.rank, rec.title, rec.expectedImpact.revenue, rec.confidenceLevel)
   */
  recommendations(input?: RecommendationsInput): Promise<Recommendations>
  /**
   * Did it work? For past recommendations aimed at customers, the purchase rate and revenue of the
   * targeted customers against the randomly held-out control group (10 %) in the 30 days after
   * issue, with 95 % confidence intervals.
   * @example
   * const { items } = await crm.insights.recommendationOutcomes()
   * console.log(items[0]?.verdict)
   */
  recommendationOutcomes(input?: RecommendationOutcomesInput): Promise<RecommendationOutcomes>
  /**
   * Lead scores at a glance: customers and spend per label (HOT, WARM, COLD, UNQUALIFIED), the
   * hottest leads, valuable customers at risk, and the BG/NBD prediction totals.
   * @example
   * const { labels, hot } = await crm.insights.customers({ limit: 20 })
   */
  customers(input?: CustomerScoresInput): Promise<CustomerScores>
  /**
   * The assistant's narrative of a period in English or Russian: a headline and sections on what
   * changed, what drove it, what the forecast says and what to do next, each bullet linked to the
   * facts (figures) it uses, plus Markdown. Every figure in the text is one of `facts`: written by
   * the configured OpenAI model and checked by the server, or from templates without one
   * (`engine` says which). Kept by the server until the project's data changes.
   * @example
   * const { headline, markdown, engine } = await crm.insights.summary({ from: '2025-03-01', to: '2025-04-01', locale: 'ru' })
   */
  summary(input: SummaryInput): Promise<Summary>
  /**
   * A question about the project's data in plain words, answered from its analytics (report,
   * trends, forecast, segments, customers, products, bundles). `toolCalls` lists the tools used with
   * their input and data (sources to show or chart); `insufficientData` is true when the data could
   * not answer. Without a model configured on the server, common questions (revenue change, top
   * products, best customers, bundles, forecast, segments) are answered from templates. A model
   * may take several seconds: raise the client's `timeout` if needed.
   * @example
   * const { answer, toolCalls, followUp } = await crm.insights.ask({ question: 'Who are my best customers in Germany?' })
   */
  ask(input: AskInput): Promise<AskResult>
}

export function createInsightsAPI(read: Reader): InsightsAPI {
  return {
    report: (input) => read('insights.report', input),
    trends: (input) => read('insights.trends', input),
    segments: (input = {}) => read('insights.segments', input),
    forecast: (input = {}) => read('insights.forecast', input),
    recommendations: (input = {}) => read('insights.recommendations', input),
    recommendationOutcomes: (input = {}) => read('insights.recommendationOutcomes', input),
    customers: (input = {}) => read('insights.customers', input),
    summary: (input) => read('insights.summary', input),
    ask: (input) => read('insights.ask', input, true),
  }
}
