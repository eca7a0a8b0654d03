import type { Trends } from '../../api/types'
import { downloadCsv, toCsv } from '../../components/csv'
import { formatDate, formatMoney, formatNumber } from '../../format/format'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/i18n'
import { FIGURES, formatPercent } from '../insights/figures'

type Mover = Trends['products']['rising'][number]

const DIRECTION: Record<Trends['metrics'][number]['direction'], { arrow: string; label: MessageKey }> = {
  up: { arrow: '↑', label: 'reports.trendUp' },
  down: { arrow: '↓', label: 'reports.trendDown' },
  flat: { arrow: '→', label: 'reports.trendFlat' },
}

function Movers({ title, movers, currency }: { title: string; movers: Mover[]; currency: string }) {
  const { t, locale } = useI18n()
  return (
    <div>
      <h3>{title}</h3>
      {movers.length === 0 ? (
        <p className="sub">{t('reports.noMovers')}</p>
      ) : (
        <ul className="movers">
          {movers.map((mover) => (
            <li key={mover.key}>
              <span>{mover.name ?? mover.key}</span>{' '}
              <span className="sub">
                {formatMoney(mover.previous.netRevenue, currency, locale)} → {formatMoney(mover.current.netRevenue, currency, locale)}
                {mover.growth !== null && ` (${formatPercent(mover.growth, locale, true)})`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** The metrics' trends as CSV: direction, growth against the previous period and the Mann–Kendall test. */
function trendsCsv(trends: Trends): string {
  return toCsv(
    ['metric', 'direction', 'current', 'previous', 'growth', 'mannKendallPValue', 'from', 'to', 'previousFrom', 'previousTo'],
    trends.metrics.map((m) => [m.metric, m.direction, m.current, m.previous, m.growth, m.mannKendall.pValue, trends.from, trends.to, trends.previous.from, trends.previous.to]),
  )
}

/** Which metrics rise or fall significantly, the anomalies, and products and countries that moved. */
export function TrendsPanel({ trends }: { trends: Trends }) {
  const { t, locale } = useI18n()
  return (
    <section className="panel" aria-labelledby="trends-title">
      <h2 id="trends-title">{t('reports.trends')}</h2>
      <div className="page-head">
        <p className="sub">{t('reports.trendsLead', { from: trends.previous.from })}</p>
        <button type="button" className="copy" onClick={() => downloadCsv(`trends-${trends.from}-${trends.to}.csv`, trendsCsv(trends))}>
          {t('table.exportCsv')}
        </button>
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('reports.trends')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.metric')}</th>
              <th scope="col">{t('reports.direction')}</th>
              <th scope="col" className="num">
                {t('reports.growth')}
              </th>
              <th scope="col" className="num">
                p
              </th>
            </tr>
          </thead>
          <tbody>
            {trends.metrics.map((metric) => (
              <tr key={metric.metric} data-testid={`trend-${metric.metric}`}>
                <td>{t(FIGURES[metric.metric].label)}</td>
                <td className={`trend-${metric.direction}`}>
                  <span aria-hidden="true">{DIRECTION[metric.direction].arrow}</span> {t(DIRECTION[metric.direction].label)}
                </td>
                <td className="num">{metric.growth === null ? '—' : formatPercent(metric.growth, locale, true)}</td>
                <td className="num">{formatNumber(Number(metric.mannKendall.pValue.toPrecision(2)), locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {trends.anomalies.length > 0 && (
        <>
          <h3>{t('insights.anomalies')}</h3>
          <ul className="movers">
            {trends.anomalies.map((anomaly) => (
              <li key={`${anomaly.metric}-${anomaly.start}`}>
                <strong className={anomaly.kind === 'spike' ? 'trend-up' : 'trend-down'}>{t(anomaly.kind === 'spike' ? 'reports.spike' : 'reports.drop')}</strong>{' '}
                {formatDate(`${anomaly.start}T12:00:00Z`, 'UTC', locale)} · {t(FIGURES[anomaly.metric].label)}:{' '}
                {formatNumber(Math.round(anomaly.actual * 100) / 100, locale)}{' '}
                <span className="sub">
                  ({t('reports.expected')} {formatNumber(Math.round(anomaly.expected * 100) / 100, locale)})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="columns">
        <Movers title={t('reports.risingProducts')} movers={trends.products.rising} currency={trends.currency} />
        <Movers title={t('reports.fallingProducts')} movers={trends.products.falling} currency={trends.currency} />
      </div>
      {trends.notes.length > 0 && (
        <ul className="notes">
          {trends.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
