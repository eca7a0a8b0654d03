import { useQuery } from '@tanstack/react-query'
import { queries } from '../../api/queries'
import { ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n/i18n'

/** The assistant's summary of the period: a headline and short sections, in the UI's language. */
export function SummaryPanel({ projectId, from, to }: { projectId: string; from: string; to: string }) {
  const { t, locale } = useI18n()
  const summary = useQuery(queries.summary(projectId, { from, to, locale }))
  return (
    <section className="panel" aria-labelledby="summary-title" aria-busy={summary.isFetching}>
      <h2 id="summary-title">{t('summary.title')}</h2>
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => summary.refetch()} />
      ) : (
        <>
          <p data-testid="summary-headline">
            <strong>{summary.data.headline}</strong>
          </p>
          {summary.data.sections.map((section) => (
            <div key={section.kind}>
              <h3>{section.title}</h3>
              <ul>
                {section.bullets.map((bullet) => (
                  <li key={bullet.text}>{bullet.text}</li>
                ))}
              </ul>
            </div>
          ))}
          <p className="sub">{t(summary.data.engine === 'openai' ? 'ask.engine.openai' : 'ask.engine.deterministic')}</p>
          {summary.data.notes.length > 0 && (
            <ul className="notes" aria-label={t('reports.notes')}>
              {summary.data.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
