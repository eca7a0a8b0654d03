import type { Report } from '../../api/types'
import { downloadCsv, toCsv } from '../../components/csv'
import { formatMoney, formatNumber } from '../../format/format'
import { useI18n } from '../../i18n/i18n'

const COLUMNS = ['start', 'end', 'netRevenue', 'grossRevenue', 'refunds', 'orders', 'itemsSold', 'averageOrderValue', 'payingCustomers', 'newCustomers'] as const

/** The chart's figures as a table: what a screen reader reads, and what the CSV holds. */
export function SeriesTable({ report }: { report: Report }) {
  const { t, locale } = useI18n()
  const exportCsv = () =>
    downloadCsv(`report-${report.from}-${report.to}-${report.interval}.csv`, toCsv([...COLUMNS, 'currency'], report.series.map((point) => [...COLUMNS.map((column) => point[column]), report.currency])))
  return (
    <details className="series">
      <summary>{t('reports.dataTable')}</summary>
      <button type="button" onClick={exportCsv}>
        {t('table.exportCsv')}
      </button>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('reports.intervalStart')}</th>
              <th scope="col" className="num">
                {t('figure.netRevenue')}
              </th>
              <th scope="col" className="num">
                {t('figure.refunds')}
              </th>
              <th scope="col" className="num">
                {t('figure.orders')}
              </th>
              <th scope="col" className="num">
                {t('figure.averageOrderValue')}
              </th>
              <th scope="col" className="num">
                {t('figure.newCustomers')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.series.map((point) => (
              <tr key={point.start}>
                <th scope="row">{point.start}</th>
                <td className="num">{formatMoney(point.netRevenue, report.currency, locale)}</td>
                <td className="num">{formatMoney(point.refunds, report.currency, locale)}</td>
                <td className="num">{formatNumber(point.orders, locale)}</td>
                <td className="num">{formatMoney(point.averageOrderValue, report.currency, locale)}</td>
                <td className="num">{formatNumber(point.newCustomers, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
