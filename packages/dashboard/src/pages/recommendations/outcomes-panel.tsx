import { useQuery } from '@tanstack/react-query'
import { queries } from '../../api/queries'
import type { RecommendationOutcome, RecommendationOutcomes, Uplift } from '../../api/types'
import { downloadCsv, toCsv } from '../../components/csv'
import { ErrorState, Loading } from '../../components/states'
import { formatDate, formatMoney, formatNumber } from '../../format/format'
import { useI18n } from '../../i18n/i18n'

type Group = RecommendationOutcome['targeted']

function GroupCell({ group, currency }: { group: Group; currency: string }) {
  const { t, locale } = useI18n()
  const rate = group.purchaseRate === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(group.purchaseRate)
  return (
    <>
      <div>{t('outcomes.bought', { rate, customers: formatNumber(group.customers, locale) })}</div>
      <div className="sub">{formatMoney(group.revenue, currency, locale)}</div>
    </>
  )
}

/** `+4.2 pp (−1.0 … +9.4)` for rates, money with its interval for revenue. */
function UpliftCell({ uplift, format }: { uplift: Uplift | null; format: (value: number) => string }) {
  if (!uplift) return <>—</>
  return (
    <>
      <div>{format(uplift.estimate)}</div>
      <div className="sub">
        {format(uplift.lower95)} … {format(uplift.upper95)}
      </div>
    </>
  )
}

function exportCsv(outcomes: RecommendationOutcomes) {
  downloadCsv(
    'recommendation-outcomes.csv',
    toCsv(
      ['recommendationId', 'type', 'title', 'issuedAt', 'windowEnd', 'complete', 'targetedCustomers', 'targetedBuyers', 'targetedRevenue', 'controlCustomers', 'controlBuyers', 'controlRevenue', 'purchaseRateUplift', 'purchaseRateLower95', 'purchaseRateUpper95', 'revenuePerCustomerUplift', 'revenuePerCustomerLower95', 'revenuePerCustomerUpper95', 'verdict', 'currency'],
      outcomes.items.map((o) => [
        o.recommendationId,
        o.type,
        o.title,
        o.issuedAt,
        o.windowEnd,
        o.complete,
        o.targeted.customers,
        o.targeted.buyers,
        o.targeted.revenue,
        o.control.customers,
        o.control.buyers,
        o.control.revenue,
        o.purchaseRateUplift?.estimate,
        o.purchaseRateUplift?.lower95,
        o.purchaseRateUplift?.upper95,
        o.revenuePerCustomerUplift?.estimate,
        o.revenuePerCustomerUplift?.lower95,
        o.revenuePerCustomerUplift?.upper95,
        o.verdict,
        outcomes.currency,
      ]),
    ),
  )
}

/** "Did it work?": targeted customers against the held-out control group, with 95 % intervals and a verdict. */
export function OutcomesPanel({ projectId, timeZone }: { projectId: string; timeZone: string }) {
  const { t, locale } = useI18n()
  const outcomes = useQuery(queries.recommendationOutcomes(projectId, locale))
  const points = (value: number) => t('outcomes.points', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value * 100) })
  return (
    <section className="panel" aria-labelledby="outcomes-title">
      <div className="page-head">
        <h2 id="outcomes-title">{t('outcomes.title')}</h2>
        {outcomes.data && outcomes.data.items.length > 0 && (
          <button type="button" onClick={() => outcomes.data && exportCsv(outcomes.data)}>
            {t('table.exportCsv')}
          </button>
        )}
      </div>
      {outcomes.isPending ? (
        <Loading />
      ) : outcomes.isError ? (
        <ErrorState error={outcomes.error} onRetry={() => outcomes.refetch()} />
      ) : outcomes.data.items.length === 0 ? (
        <p className="sub">{t('outcomes.none')}</p>
      ) : (
        <>
          <p className="sub">{t('outcomes.lead', { days: outcomes.data.windowDays })}</p>
          <div className="table-wrap">
            <table className="outcomes">
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.recommendation')}</th>
                  <th scope="col">{t('outcomes.targeted')}</th>
                  <th scope="col">{t('outcomes.control')}</th>
                  <th scope="col" className="num">
                    {t('outcomes.rateUplift')}
                  </th>
                  <th scope="col" className="num">
                    {t('outcomes.revenueUplift')}
                  </th>
                  <th scope="col">{t('outcomes.verdict')}</th>
                </tr>
              </thead>
              <tbody>
                {outcomes.data.items.map((outcome) => (
                  <tr key={outcome.recommendationId}>
                    <td>
                      {outcome.title}
                      <div className="sub">
                        {formatDate(outcome.issuedAt, timeZone, locale)}
                        {!outcome.complete && ` · ${t('outcomes.running', { date: formatDate(outcome.windowEnd, timeZone, locale) })}`}
                      </div>
                    </td>
                    <td>
                      <GroupCell group={outcome.targeted} currency={outcomes.data.currency} />
                    </td>
                    <td>
                      <GroupCell group={outcome.control} currency={outcomes.data.currency} />
                    </td>
                    <td className="num">
                      <UpliftCell uplift={outcome.purchaseRateUplift} format={points} />
                    </td>
                    <td className="num">
                      <UpliftCell uplift={outcome.revenuePerCustomerUplift} format={(value) => formatMoney(value.toFixed(2), outcomes.data.currency, locale)} />
                    </td>
                    <td>{outcome.verdict}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
