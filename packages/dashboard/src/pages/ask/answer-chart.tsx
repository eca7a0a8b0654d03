import { useMemo } from 'react'
import { BarChart } from '../../components/bar-chart'
import { type ChartSeries, LineChart } from '../../components/line-chart'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import type { AnswerChartData } from './answer-chart-data'

/** Figures that are money in the project's currency. */
const MONEY = new Set(['netRevenue', 'netSpent', 'expectedRevenue30Days'])

const measureKey = (measure: string): MessageKey | null =>
  (
    ({
      netRevenue: 'figure.netRevenue',
      netSpent: 'customers.netSpent',
      expectedRevenue30Days: 'recs.impact',
      customers: 'ask.measure.customers',
      orders: 'figure.orders',
      quantity: 'ask.measure.quantity',
      value: 'forecast.forecast',
    }) as Record<string, MessageKey>
  )[measure] ?? null

/**
 * The chart of an answer's data: a line for a time series (with its 80% band),
 * bars for a ranking. The picture has a text alternative; the figures are in
 * the table under "Data used".
 */
export function AnswerChart({ chart, tool, money: isMoney }: { chart: AnswerChartData; tool: string; money: boolean }) {
  const { t, locale } = useI18n()
  const project = useProject()
  const key = measureKey(chart.measure)
  const measure = key ? t(key) : chart.measure
  const asMoney = isMoney || MONEY.has(chart.measure)
  const format = useMemo(
    () => new Intl.NumberFormat(locale, asMoney ? { style: 'currency', currency: project.currency, notation: 'compact' } : { notation: 'compact' }),
    [locale, asMoney, project.currency],
  )
  const formatValue = (value: number) => format.format(value)
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }), [locale])
  const formatDate = (date: string) => dateFormat.format(new Date(`${date}T00:00:00Z`))
  const series = useMemo<ChartSeries[]>(() => {
    if (chart.kind !== 'time') return []
    const line: ChartSeries = { label: measure, values: chart.values, color: '#8250df' }
    if (!chart.band) return [line]
    return [
      line,
      { label: t('forecast.upper80'), values: chart.band.upper, color: '#8250df', hidden: true },
      { label: t('forecast.lower80'), values: chart.band.lower, color: '#8250df', hidden: true },
    ]
  }, [chart, measure, t])
  if (chart.kind === 'time') {
    const label = t('ask.chart.time', { measure, n: chart.dates.length, from: formatDate(chart.dates[0] ?? ''), to: formatDate(chart.dates.at(-1) ?? '') })
    return (
      <figure className="answer-chart" data-testid="answer-chart" data-kind="time">
        <figcaption className="sub">{t('ask.chart.caption', { tool })}</figcaption>
        <LineChart
          label={label}
          dates={chart.dates}
          series={series}
          bands={chart.band ? [{ upper: 1, lower: 2, fill: 'rgba(130, 80, 223, 0.15)' }] : []}
          formatValue={formatValue}
          formatDate={formatDate}
          height={240}
        />
      </figure>
    )
  }
  const label = t('ask.chart.ranking', { measure, n: chart.labels.length, first: chart.labels[0] ?? '', value: formatValue(chart.values[0] ?? 0) })
  return (
    <figure className="answer-chart" data-testid="answer-chart" data-kind="ranking">
      <figcaption className="sub">{t('ask.chart.caption', { tool })}</figcaption>
      <BarChart label={label} labels={chart.labels} values={chart.values} measure={measure} category={t('ask.chart.item')} formatValue={formatValue} />
    </figure>
  )
}
