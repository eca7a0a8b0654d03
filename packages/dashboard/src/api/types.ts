import type { Api } from './client'

/**
 * The shapes the server's procedures actually take and return, inferred from
 * the router type — the dashboard is typed against the server it talks to.
 */
type Output<P extends { query: (...args: never[]) => Promise<unknown> }> = Awaited<ReturnType<P['query']>>
type Input<P extends { query: (...args: never[]) => Promise<unknown> }> = Parameters<P['query']>[0]

export type Project = Output<Api['projects']['get']>
export type ApiKey = Output<Api['keys']['list']>[number]
export type ApiKeyKind = ApiKey['kind']
export type CreatedApiKey = Awaited<ReturnType<Api['keys']['create']['mutate']>>
export type CustomerListInput = Omit<Input<Api['customers']['list']>, 'projectId'>
export type CustomerPage = Output<Api['customers']['list']>
export type Customer = CustomerPage['items'][number]
export type CustomerSort = NonNullable<CustomerListInput['sort']>
export type CustomerDetail = Output<Api['customers']['get']>
export type PurchaseRecord = CustomerDetail['purchases'][number]
export type TimelineEntry = CustomerDetail['timeline'][number]

export type ReportInput = Omit<Input<Api['insights']['report']>, 'projectId'>
export type Report = Output<Api['insights']['report']>
export type ReportFigures = Report['totals']
export type ReportPoint = Report['series'][number]
export type ProductStat = Report['topProducts']['byNetRevenue'][number]
export type Cohort = Report['cohorts'][number]
export type TrendsInput = Omit<Input<Api['insights']['trends']>, 'projectId'>
export type Trends = Output<Api['insights']['trends']>
export type Segments = Output<Api['insights']['segments']>
export type SegmentName = Segments['segments'][number]['segment']
export type ForecastInput = Omit<Input<Api['insights']['forecast']>, 'projectId'>
export type Forecast = Output<Api['insights']['forecast']>
export type Recommendations = Output<Api['insights']['recommendations']>
export type Recommendation = Recommendations['items'][number]
export type RecommendationOutcomes = Output<Api['insights']['recommendationOutcomes']>
export type RecommendationOutcome = RecommendationOutcomes['items'][number]
export type Uplift = NonNullable<RecommendationOutcome['purchaseRateUplift']>
export type AskInput = Parameters<Api['insights']['ask']['mutate']>[0]
export type AskResult = Awaited<ReturnType<Api['insights']['ask']['mutate']>>
export type ToolCall = AskResult['toolCalls'][number]
export type Summary = Output<Api['insights']['summary']>
