import type { Cohort } from '../../api/types'
import { downloadCsv, toCsv } from '../../components/csv'
import { formatNumber } from '../../format/format'
import { useI18n } from '../../i18n/i18n'
import { formatPercent } from '../insights/figures'

/** Retention by first-order month: one row per cohort, one column per month after it, shaded by retention. */
export function CohortHeatmap({ cohorts }: { cohorts: Cohort[] }) {
  const { t, locale } = useI18n()
  const width = Math.max(0, ...cohorts.map((cohort) => cohort.months.length))
  const offsets = Array.from({ length: width }, (_, index) => index)
  const exportCsv = () =>
    downloadCsv(
      'cohorts.csv',
      toCsv(
        ['cohort', 'customers', ...offsets.map((offset) => `month${offset}`)],
        cohorts.map((cohort) => [cohort.cohort, cohort.customers, ...offsets.map((offset) => cohort.months.find((m) => m.offset === offset)?.retention ?? '')]),
      ),
    )
  return (
    <section className="panel" aria-labelledby="cohorts-title">
      <div className="page-head">
        <h2 id="cohorts-title">{t('reports.cohorts')}</h2>
        {cohorts.length > 0 && (
          <button type="button" onClick={exportCsv}>
            {t('table.exportCsv')}
          </button>
        )}
      </div>
      <p className="sub">{t('reports.cohortsLead')}</p>
      {cohorts.length === 0 ? (
        <p className="sub">{t('reports.noCohorts')}</p>
      ) : (
        <div className="table-wrap">
          <table className="heatmap">
            <thead>
              <tr>
                <th scope="col">{t('reports.cohort')}</th>
                <th scope="col" className="num">
                  {t('nav.customers')}
                </th>
                {offsets.map((offset) => (
                  <th scope="col" key={offset} className="num">
                    {t('reports.monthN', { n: offset })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cohorts.map((cohort) => (
                <tr key={cohort.cohort}>
                  <th scope="row">{cohort.cohort}</th>
                  <td className="num">{formatNumber(cohort.customers, locale)}</td>
                  {offsets.map((offset) => {
                    const month = cohort.months.find((m) => m.offset === offset)
                    if (!month) return <td key={offset} />
                    // Retention shades the cell; text stays dark enough to read on every shade.
                    const alpha = Math.min(1, month.retention) * 0.85
                    return (
                      <td
                        key={offset}
                        className="num cell"
                        style={{ backgroundColor: `rgba(11, 92, 173, ${alpha.toFixed(3)})`, color: alpha > 0.45 ? '#ffffff' : '#1f2328' }}
                        title={`${month.activeCustomers} / ${cohort.customers}`}
                      >
                        {formatPercent(month.retention, locale)}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
