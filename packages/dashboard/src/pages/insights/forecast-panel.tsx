import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { queries } from '../../api/queries'
import type { Forecast, ReportPoint } from '../../api/types'
import { downloadCsv, toCsv } from '../../components/csv'
import { type ChartSeries, LineChart } from '../../components/line-chart'
import { ErrorState, Loading } from '../../components/states'
import { formatMoney, formatNumber } from '../../format/format'
import { addDays, addMonths, type Interval, nextInterval } from '../../format/period'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import { chartNumber, formatPercent } from './figures'

/** History shown before the forecast: eight weeks of days, half a year of weeks, a year of months. */
function historyStart(end: string, interval: Interval): string {
  switch (interval) {
    case 'day':
      return addDays(end, -56)
    case 'week':
      return addDays(end, -26 * 7)
    case 'month':
      return addMonths(end, -12)
  }
}

function ForecastChart({ forecast, history }: { forecast: Forecast; history: ReportPoint[] }) {
  const { t, locale } = useI18n()
  const { series, dates } = useMemo(() => {
    const past = history.map((point) => chartNumber(point.netRevenue))
    const ahead = forecast.points
    const gap = ahead.map(() => null)
    const last = past.at(-1) ?? null
    // The forecast line starts on the last actual point so the two join.
    const joined = (values: number[]) => [...past.map((_v, index) => (index === past.length - 1 ? last : null)), ...values]
    const lines: ChartSeries[] = [
      { label: t('forecast.actual'), values: [...past, ...gap], color: '#0b5cad' },
      { label: t('forecast.forecast'), values: joined(ahead.map((p) => chartNumber(p.value))), color: '#8250df', dashed: true },
      { label: t('forecast.upper95'), values: joined(ahead.map((p) => chartNumber(p.upper95))), color: '#8250df', hidden: true },
      { label: t('forecast.lower95'), values: joined(ahead.map((p) => chartNumber(p.lower95))), color: '#8250df', hidden: true },
      { label: t('forecast.upper80'), values: joined(ahead.map((p) => chartNumber(p.upper80))), color: '#8250df', hidden: true },
      { label: t('forecast.lower80'), values: joined(ahead.map((p) => chartNumber(p.lower80))), color: '#8250df', hidden: true },
    ]
    return { series: lines, dates: [...history.map((point) => point.start), ...ahead.map((point) => point.start)] }
  }, [forecast, history, t])
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(locale, forecast.interval === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    [locale, forecast.interval],
  )
  const money = useMemo(() => new Intl.NumberFormat(locale, { style: 'currency', currency: forecast.currency, notation: 'compact' }), [locale, forecast.currency])
  return (
    <LineChart
      label={t('forecast.chartLabel', { n: forecast.points.length })}
      dates={dates}
      series={series}
      bands={[
        { upper: 2, lower: 3, fill: 'rgba(130, 80, 223, 0.10)' },
        { upper: 4, lower: 5, fill: 'rgba(130, 80, 223, 0.20)' },
      ]}
      formatValue={(value) => money.format(value)}
      formatDate={(date) => dateFormat.format(new Date(`${date}T00:00:00Z`))}
    />
  )
}

/** The forecast's points as CSV, exact decimals as the API gives them. */
function forecastCsv(forecast: Forecast): string {
  return toCsv(
    ['start', 'value', 'lower80', 'upper80', 'lower95', 'upper95', 'closed', 'currency', 'model'],
    forecast.points.map((p) => [p.start, p.value, p.lower80, p.upper80, p.lower95, p.upper95, p.closed, forecast.currency, forecast.model]),
  )
}

/** Net revenue ahead, with its 80% and 95% intervals, after the last interval of history; the model's backtest beside it. */
export function ForecastPanel({ interval }: { interval: Interval }) {
  const { t, locale } = useI18n()
  const project = useProject()
  const forecast = useQuery(queries.forecast(project.id, { metric: 'revenue', interval }))
  const end = forecast.data?.historyEnd
  const to = end ? nextInterval(end, interval) : ''
  const history = useQuery({
    ...queries.report(project.id, { from: end ? historyStart(to, interval) : '', to, interval, limit: 1 }),
    enabled: Boolean(end),
  })
  const backtest = forecast.data?.backtest
  return (
    <section className="panel" aria-labelledby="forecast-title">
      <h2 id="forecast-title">{t('forecast.title')}</h2>
      {forecast.isPending ? (
        <Loading />
      ) : forecast.isError ? (
        <ErrorState error={forecast.error} onRetry={() => forecast.refetch()} />
      ) : forecast.data.points.length === 0 || !end ? (
        <p className="sub">{forecast.data.notes.join(' ') || t('forecast.none')}</p>
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => history.refetch()} />
      ) : !history.data ? (
        <Loading />
      ) : (
        <>
          <ForecastChart forecast={forecast.data} history={history.data.series} />
          <p className="sub" data-testid="forecast-model">
            {t('forecast.model', { model: forecast.data.model, end })}{' '}
            {backtest &&
              t('forecast.backtest', {
                mase: formatNumber(Number(backtest.mase.toFixed(2)), locale),
                baseline: formatNumber(Number(backtest.baseline.mase.toFixed(2)), locale),
                coverage80: formatPercent(backtest.coverage80, locale),
                coverage95: formatPercent(backtest.coverage95, locale),
                origins: backtest.origins,
              })}
          </p>
          <details className="series">
            <summary>{t('reports.dataTable')}</summary>
            <button type="button" className="copy" onClick={() => downloadCsv(`forecast-${forecast.data.interval}-${end}.csv`, forecastCsv(forecast.data))}>
              {t('table.exportCsv')}
            </button>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('forecast.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.intervalStart')}</th>
                    <th scope="col" className="num">
                      {t('forecast.forecast')}
                    </th>
                    <th scope="col" className="num">
                      80%
                    </th>
                    <th scope="col" className="num">
                      95%
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {forecast.data.points.map((point) => {
                    const m = (value: string | number) => formatMoney(String(value), forecast.data.currency, locale)
                    return (
                      <tr key={point.start}>
                        <th scope="row">{point.start}</th>
                        <td className="num">{point.closed ? t('forecast.closed') : m(point.value)}</td>
                        <td className="num">
                          {m(point.lower80)} – {m(point.upper80)}
                        </td>
                        <td className="num">
                          {m(point.lower95)} – {m(point.upper95)}
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          </details>
          {forecast.data.notes.length > 0 && (
            <ul className="notes">
              {forecast.data.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
