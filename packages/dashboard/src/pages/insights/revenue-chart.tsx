import { useMemo } from 'react'
import type { Report, Trends } from '../../api/types'
import { type ChartSeries, LineChart } from '../../components/line-chart'
import { formatMoney } from '../../format/format'
import { useI18n } from '../../i18n/i18n'
import { chartNumber } from './figures'

/** Net revenue per interval, the comparison period under it (aligned interval by interval), anomalies marked. */
export function RevenueChart({ report, trends }: { report: Report; trends?: Trends | undefined }) {
  const { t, locale } = useI18n()
  const series = useMemo(() => {
    const lines: ChartSeries[] = [{ label: t('figure.netRevenue'), values: report.series.map((point) => chartNumber(point.netRevenue)), color: '#0b5cad' }]
    const previous = report.comparison?.series
    if (previous)
      lines.push({
        label: t(report.comparison?.kind === 'previous_year' ? 'period.previousYear' : 'period.previousPeriod'),
        values: report.series.map((_point, index) => {
          const value = previous[index]?.netRevenue
          return value === undefined ? null : chartNumber(value)
        }),
        color: '#8c959f',
        dashed: true,
      })
    const anomalies = new Map((trends?.anomalies ?? []).filter((anomaly) => anomaly.metric === 'netRevenue').map((anomaly) => [anomaly.start, anomaly]))
    if (anomalies.size > 0)
      lines.push({
        label: t('insights.anomalies'),
        values: report.series.map((point) => (anomalies.has(point.start) ? chartNumber(point.netRevenue) : null)),
        color: '#cf222e',
        markers: true,
      })
    return lines
  }, [report, trends, t])
  const dateFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, report.interval === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    [locale, report.interval],
  )
  const money = useMemo(() => new Intl.NumberFormat(locale, { style: 'currency', currency: report.currency, notation: 'compact' }), [locale, report.currency])
  return (
    <LineChart
      label={t('insights.chartLabel', {
        from: report.from,
        to: report.to,
        total: formatMoney(report.totals.netRevenue, report.currency, locale),
      })}
      dates={report.series.map((point) => point.start)}
      series={series}
      formatValue={(value) => money.format(value)}
      formatDate={(date) => dateFormat.format(new Date(`${date}T00:00:00Z`))}
    />
  )
}
