import { useQuery } from '@tanstack/react-query'
import { queries } from '../../api/queries'
import type { Recommendations } from '../../api/types'
import { downloadCsv } from '../../components/csv'
import { Empty, ErrorState, Loading } from '../../components/states'
import { formatDateTime } from '../../format/format'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import { OutcomesPanel } from './outcomes-panel'
import { RecommendationCard } from './recommendation-card'
import { recommendationsCsv } from './recommendations-csv'

/** What is missing before (some kinds of) recommendations can be made, said plainly. */
export function NotEnoughData({ notEnough }: { notEnough: NonNullable<Recommendations['notEnoughData']> }) {
  const { t } = useI18n()
  return (
    <section className="panel not-enough" aria-labelledby="not-enough-title" data-testid="not-enough-data">
      <h2 id="not-enough-title">{t('recs.notEnoughTitle')}</h2>
      <p>{notEnough.reason}</p>
      {notEnough.needed.length > 0 && (
        <>
          <h3>{t('recs.needed')}</h3>
          <ul>
            {notEnough.needed.map((need) => (
              <li key={need}>{need}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/** The ranked actions with their evidence, expected impact and customers, and how past ones worked out. */
export function RecommendationsPage() {
  const { t, locale } = useI18n()
  const project = useProject()
  const recommendations = useQuery(queries.recommendations(project.id, 50, locale))
  const data = recommendations.data
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('nav.recommendations')}</h1>
        {data && data.items.length > 0 && (
          <button type="button" onClick={() => downloadCsv('recommendations.csv', recommendationsCsv(data.items))}>
            {t('table.exportCsv')}
          </button>
        )}
      </div>
      <p className="lead">{t('recs.lead')}</p>
      {recommendations.isPending ? (
        <Loading />
      ) : recommendations.isError ? (
        <ErrorState error={recommendations.error} onRetry={() => recommendations.refetch()} />
      ) : (
        <>
          {data?.issuedAt && (
            <p className="sub">
              {t('recs.issued', { when: formatDateTime(data.issuedAt, project.timezone, locale) })}
              {!data.fresh && ` ${t('recs.stale')}`}
            </p>
          )}
          {data?.notEnoughData && <NotEnoughData notEnough={data.notEnoughData} />}
          {data && data.items.length === 0 && !data.notEnoughData && <Empty title={t('recs.none')} />}
          {data?.items.map((item) => (
            <RecommendationCard key={item.id} item={item} projectId={project.id} />
          ))}
          {data && data.notes.length > 0 && (
            <ul className="notes" aria-label={t('reports.notes')}>
              {data.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <OutcomesPanel projectId={project.id} timeZone={project.timezone} />
        </>
      )}
    </div>
  )
}
