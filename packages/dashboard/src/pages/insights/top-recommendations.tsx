import { useQuery } from '@tanstack/react-query'
import { queries } from '../../api/queries'
import { ErrorState, Loading } from '../../components/states'
import { formatMoney } from '../../format/format'
import { useI18n } from '../../i18n/i18n'
import { Link } from '../../router/link'

/** The three best recommendations, or why there are none yet, with a link to them all. */
export function TopRecommendations({ projectId }: { projectId: string }) {
  const { t, locale } = useI18n()
  // The same query as the Recommendations page (limit 50): one request serves both.
  const recommendations = useQuery(queries.recommendations(projectId, 50, locale))
  const data = recommendations.data
  return (
    <section className="panel" aria-labelledby="top-recs-title">
      <div className="page-head">
        <h2 id="top-recs-title">{t('recs.top')}</h2>
        <Link to={`/p/${projectId}/recommendations`}>{t('recs.all')}</Link>
      </div>
      {recommendations.isPending ? (
        <Loading />
      ) : recommendations.isError ? (
        <ErrorState error={recommendations.error} onRetry={() => recommendations.refetch()} />
      ) : data && data.items.length > 0 ? (
        <ol className="top-recs">
          {data.items.slice(0, 3).map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong>
              <div className="sub">
                {t('recs.impactValue', { revenue: formatMoney(item.expectedImpact.revenue, item.expectedImpact.currency, locale) })} · {t('recs.confidence')}: {t(`recs.level.${item.confidenceLevel}` as const)}
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="sub">{data?.notEnoughData?.reason ?? t('recs.none')}</p>
      )}
    </section>
  )
}
