import {
  currencyExponent,
  formatMinorUnits,
  type Interval,
  type MetricTrend,
  type Mover,
  type TrendMetric,
  type Trends,
  type TrendsInput,
  trendsInputSchema,
} from '@rapport/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { buckets, nextStart } from './calendar.js'
import { divRound, e4ToMinor, toBigInt, toCount } from './money.js'
import { refreshAnalytics } from './refresh-analytics.js'
import { allProductStats, breakdown, type Period, timeProfile } from './report.repository.js'
import { comparisonPeriod, periodFigures, type RawFigures } from './report.service.js'
import { comparePoissonCounts, detectAnomalies, mannKendall, median, theilSen } from './stats/index.js'

type Db = Kysely<Database>

const METRICS: readonly TrendMetric[] = ['netRevenue', 'orders', 'averageOrderValue', 'payingCustomers', 'newCustomers']
const SIGNIFICANCE = 0.05

function metricValue(raw: RawFigures, metric: TrendMetric, scale: number): number {
  switch (metric) {
    case 'netRevenue':
      return Number(raw.gross - raw.refunds) / scale
    case 'orders':
      return raw.orders
    case 'averageOrderValue':
      return Number(divRound(raw.gross, BigInt(raw.orders))) / scale
    case 'payingCustomers':
      return raw.paying
    case 'newCustomers':
      return raw.newCustomers
  }
}

function seasonLength(interval: Interval): number {
  return interval === 'day' ? 7 : interval === 'month' ? 12 : 1
}

function metricTrend(metric: TrendMetric, values: number[], current: number, previous: number): MetricTrend {
  const fit = values.length >= 2 ? theilSen(values) : { slope: 0, intercept: 0 }
  const test = mannKendall(values)
  const level = values.length > 0 ? median(values) : 0
  const slope = Number.isFinite(fit.slope) ? fit.slope : 0
  const direction = test.pValue < SIGNIFICANCE ? (test.s > 0 ? 'up' : 'down') : 'flat'
  return {
    metric,
    direction,
    slopePerInterval: slope,
    relativeSlope: level === 0 ? null : slope / Math.abs(level),
    mannKendall: { s: test.s, z: test.z, pValue: test.pValue, tau: test.tau },
    intervals: values.length,
    current,
    previous,
    growth: previous === 0 ? null : (current - previous) / Math.abs(previous),
  }
}

/** Benjamini–Hochberg: which of many tests stay significant with the false discovery rate held at `q`. */
function benjaminiHochberg(pValues: readonly number[], q: number): boolean[] {
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p)
  let cutoff = -1
  order.forEach((entry, rank) => {
    if (entry.p <= ((rank + 1) / order.length) * q) cutoff = rank
  })
  const keep = new Array<boolean>(pValues.length).fill(false)
  for (let rank = 0; rank <= cutoff; rank++) {
    const entry = order[rank]
    if (entry) keep[entry.index] = true
  }
  return keep
}

interface Side {
  net: bigint
  orders: number
  name: string | null
}

/** Keys whose orders changed significantly between the periods, the biggest net revenue changes first. */
function movers(current: Map<string, Side>, previous: Map<string, Side>, exponent: number, limit: number) {
  const keys = [...new Set([...current.keys(), ...previous.keys()])]
  const rows = keys.map((key) => {
    const now = current.get(key) ?? { net: 0n, orders: 0, name: null }
    const before = previous.get(key) ?? { net: 0n, orders: 0, name: null }
    return { key, now, before, pValue: comparePoissonCounts(now.orders, before.orders).pValue }
  })
  const keep = benjaminiHochberg(
    rows.map((row) => row.pValue),
    SIGNIFICANCE,
  )
  const significant = rows.filter((_, index) => keep[index])
  const toMover = (row: (typeof rows)[number]): Mover => ({
    key: row.key,
    name: row.now.name ?? row.before.name,
    current: { netRevenue: formatMinorUnits(row.now.net, exponent), orders: row.now.orders },
    previous: { netRevenue: formatMinorUnits(row.before.net, exponent), orders: row.before.orders },
    growth: row.before.net === 0n ? null : Number(row.now.net - row.before.net) / Math.abs(Number(row.before.net)),
    pValue: row.pValue,
  })
  const delta = (row: (typeof rows)[number]) => row.now.net - row.before.net
  const rising = significant
    .filter((row) => row.now.orders > row.before.orders)
    .sort((a, b) => (delta(b) > delta(a) ? 1 : delta(b) < delta(a) ? -1 : 0))
  const falling = significant
    .filter((row) => row.now.orders < row.before.orders)
    .sort((a, b) => (delta(a) > delta(b) ? 1 : delta(a) < delta(b) ? -1 : 0))
  return { rising: rising.slice(0, limit).map(toMover), falling: falling.slice(0, limit).map(toMover) }
}

async function productSides(db: Db, project: ProjectRow, period: Period, exponent: number): Promise<Map<string, Side>> {
  const rows = await allProductStats(db, project, period)
  return new Map(rows.map((row) => [row.product_id, { net: e4ToMinor(toBigInt(row.net_e4), exponent), orders: toCount(row.orders), name: row.name }]))
}

async function countrySides(db: Db, project: ProjectRow, period: Period): Promise<Map<string, Side>> {
  const rows = await breakdown(db, project, period, 'country')
  return new Map(
    rows.filter((row) => row.value !== null).map((row) => [row.value ?? '', { net: toBigInt(row.gross) - toBigInt(row.refunds), orders: toCount(row.orders), name: null }]),
  )
}

/** `insights.trends`: direction and significance of the headline metrics, seasonality, anomalies and movers. */
export async function buildTrends(db: Db, project: ProjectRow, input: TrendsInput): Promise<Trends> {
  const query = trendsInputSchema.parse(input)
  await refreshAnalytics(db, project)
  const exponent = currencyExponent(project.currency)
  const scale = 10 ** exponent
  const period: Period = { from: query.from, to: query.to }
  const previousPeriod = comparisonPeriod(period, 'previous_period')

  const [current, previous, weekday, hour, productsNow, productsBefore, countriesNow, countriesBefore] = await Promise.all([
    periodFigures(db, project, period, query.interval),
    periodFigures(db, project, previousPeriod, query.interval),
    timeProfile(db, project, period, 'isodow'),
    timeProfile(db, project, period, 'hour'),
    productSides(db, project, period, exponent),
    productSides(db, project, previousPeriod, exponent),
    countrySides(db, project, period),
    countrySides(db, project, previousPeriod),
  ])

  // A clipped first or last interval (a month cut by the period) would bend the trend: test whole intervals only.
  const whole = buckets(query.from, query.to, query.interval).map((bucket) => bucket.start === bucket.key && bucket.end === nextStart(bucket.key, query.interval))
  const notes: string[] = []
  const clipped = whole.filter((isWhole) => !isWhole).length
  if (clipped > 0) notes.push(`${clipped} partial interval(s) at the period's edges are left out of the trend tests.`)

  const metrics = METRICS.map((metric) => {
    const values = current.series.filter((_, index) => whole[index]).map((point) => metricValue(point.raw, metric, scale))
    return metricTrend(metric, values, metricValue(current.totals, metric, scale), metricValue(previous.totals, metric, scale))
  })
  if (metrics.some((trend) => trend.intervals < 4)) notes.push('Fewer than 4 whole intervals: trend tests have little power; choose a longer period or a shorter interval.')

  // History from the previous period gives the first intervals of this one a baseline.
  const anomalies = (['netRevenue', 'orders'] as const).flatMap((metric) => {
    const history = [...previous.series, ...current.series]
    const values = history.map((point) => metricValue(point.raw, metric, scale))
    const offset = previous.series.length
    return detectAnomalies(values, { seasonLength: seasonLength(query.interval) })
      .filter((anomaly) => anomaly.index >= offset)
      .map((anomaly) => ({
        start: current.series[anomaly.index - offset]?.start ?? query.from,
        metric,
        actual: anomaly.actual,
        expected: anomaly.expected,
        score: anomaly.score,
        kind: anomaly.kind,
      }))
  })

  const profile = <K extends 'weekday' | 'hour'>(rows: Awaited<ReturnType<typeof timeProfile>>, key: K, slots: number[]) => {
    const bySlot = new Map(rows.map((row) => [toCount(row.slot), row]))
    const totalNet = rows.reduce((sum, row) => sum + toBigInt(row.net), 0n)
    const totalOrders = rows.reduce((sum, row) => sum + toCount(row.orders), 0)
    return slots.map((slot) => {
      const row = bySlot.get(slot)
      const net = toBigInt(row?.net)
      const orders = toCount(row?.orders)
      return {
        [key]: slot,
        netRevenue: formatMinorUnits(net, exponent),
        orders,
        revenueShare: totalNet === 0n ? 0 : Number(net) / Number(totalNet),
        orderShare: totalOrders === 0 ? 0 : orders / totalOrders,
      } as { [P in K]: number } & { netRevenue: string; orders: number; revenueShare: number; orderShare: number }
    })
  }

  return {
    currency: project.currency,
    timezone: project.timezone,
    from: query.from,
    to: query.to,
    interval: query.interval,
    previous: previousPeriod,
    metrics,
    seasonality: {
      weekday: profile(weekday, 'weekday', [1, 2, 3, 4, 5, 6, 7]),
      hour: profile(
        hour,
        'hour',
        Array.from({ length: 24 }, (_, index) => index),
      ),
    },
    anomalies,
    products: movers(productsNow, productsBefore, exponent, query.limit),
    countries: movers(countriesNow, countriesBefore, exponent, query.limit),
    notes,
  }
}
