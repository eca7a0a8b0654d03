import { currencyExponent, type Forecast, type ForecastInput, forecastInputSchema, type Interval } from '@rapport/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { addDays, buckets, nextStart, todayIn } from './calendar.js'
import { selectModel } from './forecast/index.js'
import { toBigInt, toCount } from './money.js'
import { refreshAnalytics } from './refresh-analytics.js'
import { customersByInterval } from './report.repository.js'

type Db = Kysely<Database>

const DEFAULT_HORIZON: Record<Interval, number> = { day: 14, week: 8, month: 3 }
const MIN_POINTS = 6

function seasonFor(interval: Interval, points: number): number {
  if (interval === 'day') return 7
  if (interval === 'week') return points >= 104 ? 52 : 1
  return points >= 24 ? 12 : 1
}

interface History {
  starts: string[]
  values: number[]
  notes: string[]
}

/** The metric per interval from the first day with data to the last whole interval. */
async function history(db: Db, project: ProjectRow, metric: Forecast['metric'], interval: Interval): Promise<History | null> {
  const range = await sql<{ first: string | null; last: string | null }>`
    select min(day)::text as first, max(day)::text as last from daily_sales where project_id = ${project.id}
  `.execute(db)
  const first = range.rows[0]?.first
  const last = range.rows[0]?.last
  if (!first || !last) return null
  const notes: string[] = []
  const today = todayIn(project.timezone)
  // Today is not over yet: forecasting from it would read a partial day as a drop.
  const end = last >= today ? today : addDays(last, 1)
  if (end < addDays(today, -1)) notes.push(`The history ends on ${addDays(end, -1)}; the forecast continues from there.`)
  let intervals = buckets(first, end, interval)
  const lastBucket = intervals[intervals.length - 1]
  if (lastBucket && lastBucket.end !== nextStart(lastBucket.key, interval)) {
    intervals = intervals.slice(0, -1)
    notes.push(`The last ${interval} (from ${lastBucket.key}) is incomplete and left out of the history.`)
  }
  const period = { from: intervals[0]?.key ?? first, to: intervals[intervals.length - 1]?.end ?? end }
  const byBucket = new Map<string, number>()
  if (metric === 'customers') {
    for (const row of await customersByInterval(db, project, period, interval)) byBucket.set(row.bucket, toCount(row.paying))
  } else {
    const rows = await sql<{ bucket: string; net: string | number | bigint; orders: string | number | bigint }>`
      select date_trunc(${interval}, day::timestamp)::date::text as bucket, sum(gross_minor - refunds_minor) as net, sum(orders) as orders
      from daily_sales where project_id = ${project.id} and day >= ${period.from}::date and day < ${period.to}::date
      group by 1
    `.execute(db)
    const scale = 10 ** currencyExponent(project.currency)
    for (const row of rows.rows) byBucket.set(row.bucket, metric === 'revenue' ? Number(toBigInt(row.net)) / scale : toCount(row.orders))
  }
  return { starts: intervals.map((bucket) => bucket.key), values: intervals.map((bucket) => byBucket.get(bucket.key) ?? 0), notes }
}

/** `insights.forecast`: the metric's next intervals with 80 % and 95 % intervals, from the model that backtests best. */
export async function buildForecast(db: Db, project: ProjectRow, input: ForecastInput): Promise<Forecast> {
  const query = forecastInputSchema.parse(input)
  await refreshAnalytics(db, project)
  const horizon = query.horizon ?? DEFAULT_HORIZON[query.interval]
  const base = { metric: query.metric, interval: query.interval, currency: project.currency, timezone: project.timezone }
  const past = await history(db, project, query.metric, query.interval)
  if (!past || past.values.length < MIN_POINTS) {
    return {
      ...base,
      model: 'none',
      components: [],
      historyEnd: null,
      points: [],
      backtest: null,
      notes: [`Not enough history yet: a forecast needs at least ${MIN_POINTS} whole ${query.interval}s of sales.`],
    }
  }
  const period = seasonFor(query.interval, past.values.length)
  const selection = selectModel(past.values, {
    horizon,
    period,
    nonNegative: query.metric !== 'revenue',
    calendar: query.interval === 'day' ? 'infer' : 'none',
  })
  const exponent = currencyExponent(project.currency)
  const format = (value: number): string | number =>
    query.metric === 'revenue' ? value.toFixed(exponent) : Math.round(value * 100) / 100
  const lastStart = past.starts[past.starts.length - 1] ?? ''
  let start = nextStart(lastStart, query.interval)
  const points = selection.points.map((point) => {
    const row = {
      start,
      value: format(point.value),
      lower80: format(point.lower80),
      upper80: format(point.upper80),
      lower95: format(point.lower95),
      upper95: format(point.upper95),
      closed: point.closed,
    }
    start = nextStart(start, query.interval)
    return row
  })
  return {
    ...base,
    model: selection.model,
    components: [...selection.components],
    historyEnd: lastStart,
    points,
    backtest: finiteBacktest(selection.backtest),
    notes: [...past.notes, ...selection.notes],
  }
}

/** JSON has no NaN: a backtest that could not be scored (e.g. too short) is reported as none. */
function finiteBacktest(backtest: Forecast['backtest']): Forecast['backtest'] {
  if (!backtest) return null
  const numbers = [backtest.mase, backtest.smape, backtest.coverage80, backtest.coverage95, backtest.baseline.mase, backtest.baseline.smape]
  return numbers.every(Number.isFinite) ? backtest : null
}
