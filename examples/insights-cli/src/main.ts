#!/usr/bin/env node
import { createCRM, isRapportError } from '@rapport/sdk'
import { parseCli } from './args.js'
import { forecastTable, recommendationsTable, reportTables, segmentsTable, trendsTable } from './sections.js'

const options = parseCli(process.argv.slice(2))
if ('usage' in options) {
  console.log(options.usage)
  process.exit(2)
}

// Reading insights needs the secret key (rk_sec_…): run this on a server or your laptop, never in a browser.
const crm = createCRM({ apiKey: process.env.RAPPORT_SECRET_KEY, host: process.env.RAPPORT_HOST ?? 'http://localhost:3000' })

try {
  const period = { from: options.from, to: options.to, interval: options.interval }
  const [report, trends, segments, forecast, recommendations] = await Promise.all([
    crm.insights.report({ ...period, compareTo: 'previous_period', limit: 5 }),
    crm.insights.trends(period),
    crm.insights.segments(),
    crm.insights.forecast({ metric: 'revenue', interval: options.interval, horizon: 4 }),
    crm.insights.recommendations({ limit: 5 }),
  ])
  console.log(reportTables(report))
  console.log(trendsTable(trends))
  console.log(segmentsTable(segments))
  console.log(forecastTable(forecast))
  console.log(recommendationsTable(recommendations))
  for (const note of [...report.notes, ...trends.notes, ...forecast.notes]) console.log(`note: ${note}`)
} catch (error) {
  console.error(isRapportError(error) ? `${error.code}: ${error.message}` : error)
  process.exitCode = 1
} finally {
  await crm.shutdown()
}
