import type { Forecast, Interval, Locale, Recommendations, Report, Segments, Trends } from '@rapport/shared'
import type { Kysely } from 'kysely'
import { addDays, daysBetween } from '../analytics/calendar.js'
import { buildForecast } from '../analytics/forecast.service.js'
import { buildRecommendations } from '../analytics/recommendations.service.js'
import { buildReport } from '../analytics/report.service.js'
import { buildSegments } from '../analytics/segments.service.js'
import { buildTrends } from '../analytics/trends.service.js'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'

/** Everything a summary of a period is written from: the same analytics the API serves. */
export interface SummaryData {
  from: string
  to: string
  currency: string
  /** Against the previous period of equal length, broken down by country. */
  report: Report
  trends: Trends
  /** Next month of net revenue; null when the history is too short. */
  forecast: Forecast | null
  /** RFM segments as of the period's end, against its start. */
  segments: Segments
  /** The project's current top three recommended actions (empty with too little data). */
  recommendations: Recommendations
}

/** Enough intervals for the trend tests without drowning them in noise. */
function trendInterval(days: number): Interval {
  if (days <= 62) return 'day'
  if (days <= 400) return 'week'
  return 'month'
}

/** Reads the period's analytics; the summary's facts and texts are built from them alone. */
export async function loadSummaryData(db: Kysely<Database>, project: ProjectRow, period: { from: string; to: string; locale?: Locale }): Promise<SummaryData> {
  const { from, to } = period
  const days = daysBetween(from, to)
  // The report first: it brings the rollups up to date once for the reads after it.
  const report = await buildReport(db, project, { from, to, interval: 'month', compareTo: 'previous_period', breakdownBy: 'country', limit: 10 })
  const trends = await buildTrends(db, project, { from, to, interval: trendInterval(days), limit: 6 })
  const segments = await buildSegments(db, project, { asOf: to, compareDays: Math.max(1, Math.min(3660, days)) })
  let forecast: Forecast | null = await buildForecast(db, project, { metric: 'revenue', interval: 'month', horizon: 1 })
  if (forecast.points.length === 0) forecast = null
  // The recommended actions in the summary's language.
  const recommendations = await buildRecommendations(db, project, { limit: 3, locale: period.locale ?? 'en' })
  return { from, to, currency: project.currency, report, trends, forecast, segments, recommendations }
}

/** The last day of a period whose `to` is exclusive. */
export function lastDayOf(period: { to: string }): string {
  return addDays(period.to, -1)
}
