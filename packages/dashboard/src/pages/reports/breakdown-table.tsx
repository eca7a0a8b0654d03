import type { Report } from '../../api/types'
import { downloadCsv, toCsv } from '../../components/csv'
import { formatMoney, formatNumber } from '../../format/format'
import { useI18n } from '../../i18n/i18n'
import { formatPercent } from '../insights/figures'

/** Revenue split by a purchase field or a customer trait. */
export function BreakdownTable({ report }: { report: Report }) {
  const { t, locale } = useI18n()
  const breakdown = report.breakdown
  if (!breakdown) return null
  const exportCsv = () =>
    downloadCsv(
      `breakdown-${breakdown.by.replace(/[^\w-]/g, '_')}.csv`,
      toCsv(
        ['value', 'netRevenue', 'grossRevenue', 'refunds', 'orders', 'customers', 'share', 'currency'],
        breakdown.rows.map((row) => [row.value, row.netRevenue, row.grossRevenue, row.refunds, row.orders, row.customers, row.share, report.currency]),
      ),
    )
  return (
    <section className="panel" aria-labelledby="breakdown-title">
      <div className="page-head">
        <h2 id="breakdown-title">{t('reports.breakdownBy', { by: breakdown.by })}</h2>
        {breakdown.rows.length > 0 && (
          <button type="button" onClick={exportCsv}>
            {t('table.exportCsv')}
          </button>
        )}
      </div>
      {breakdown.rows.length === 0 ? (
        <p className="sub">{t('insights.noSales')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{breakdown.by}</th>
                <th scope="col" className="num">
                  {t('figure.netRevenue')}
                </th>
                <th scope="col" className="num">
                  {t('reports.share')}
                </th>
                <th scope="col" className="num">
                  {t('figure.orders')}
                </th>
                <th scope="col" className="num">
                  {t('nav.customers')}
                </th>
              </tr>
            </thead>
            <tbody>
              {breakdown.rows.map((row) => (
                <tr key={row.value ?? '\u0000'}>
                  <td>{row.value ?? <span className="sub">{t('reports.notSet')}</span>}</td>
                  <td className="num">{formatMoney(row.netRevenue, report.currency, locale)}</td>
                  <td className="num">{row.share === null ? '—' : formatPercent(row.share, locale)}</td>
                  <td className="num">{formatNumber(row.orders, locale)}</td>
                  <td className="num">{formatNumber(row.customers, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
