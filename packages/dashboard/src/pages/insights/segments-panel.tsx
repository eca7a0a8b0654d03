import { useQuery } from '@tanstack/react-query'
import { queries } from '../../api/queries'
import { downloadCsv, toCsv } from '../../components/csv'
import { ErrorState, Loading } from '../../components/states'
import { formatMoney, formatNumber } from '../../format/format'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import { Link } from '../../router/link'
import { formatPercent } from './figures'
import { SEGMENTS } from './segment-names'

/** RFM segments today: size, revenue share and the change since 30 days ago; each links to its customers. */
export function SegmentsPanel() {
  const { t, locale } = useI18n()
  const project = useProject()
  const segments = useQuery(queries.segments(project.id))
  const rows = segments.data?.segments.filter((row) => row.customers > 0 || row.previousCustomers > 0) ?? []
  const exportCsv = () =>
    downloadCsv(
      'segments.csv',
      toCsv(
        ['segment', 'customers', 'share', 'netRevenue', 'revenueShare', 'previousCustomers'],
        rows.map((row) => [row.segment, row.customers, row.share, row.netRevenue, row.revenueShare, row.previousCustomers]),
      ),
    )
  return (
    <section className="panel" aria-labelledby="segments-title">
      <div className="page-head">
        <h2 id="segments-title">{t('insights.segments')}</h2>
        {rows.length > 0 && (
          <button type="button" onClick={exportCsv}>
            {t('table.exportCsv')}
          </button>
        )}
      </div>
      {segments.isPending ? (
        <Loading />
      ) : segments.isError ? (
        <ErrorState error={segments.error} onRetry={() => segments.refetch()} />
      ) : rows.length === 0 ? (
        <p className="sub">{t('insights.noSegments')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('insights.segment')}</th>
                <th scope="col" className="num">
                  {t('nav.customers')}
                </th>
                <th scope="col" className="num">
                  {t('insights.change30d')}
                </th>
                <th scope="col" className="num">
                  {t('insights.lifetimeRevenue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const delta = row.customers - row.previousCustomers
                return (
                  <tr key={row.segment}>
                    <td>
                      <Link to={`/p/${project.id}/customers?segment=${row.segment}`}>{t(SEGMENTS[row.segment])}</Link>
                    </td>
                    <td className="num">
                      {formatNumber(row.customers, locale)} <span className="sub">({formatPercent(row.share, locale)})</span>
                    </td>
                    <td className="num">{delta === 0 ? '—' : new Intl.NumberFormat(locale, { signDisplay: 'always' }).format(delta)}</td>
                    <td className="num">
                      {formatMoney(row.netRevenue, segments.data.currency, locale)}
                      {row.revenueShare !== null && <span className="sub"> ({formatPercent(row.revenueShare, locale)})</span>}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
