import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useRef, useState } from 'react'
import { formatNumber } from '../../format/format'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import { Link } from '../../router/link'
import { ImportError, type ImportProgress, type ImportSummary, uploadImport } from './upload-import'

type Format = 'online-retail' | 'generic'

function Summary({ summary }: { summary: ImportSummary }) {
  const { t, locale } = useI18n()
  const project = useProject()
  const n = (value: number) => formatNumber(value, locale)
  return (
    <section className="panel" aria-labelledby="summary-title" data-testid="import-summary">
      <h2 id="summary-title">{t('import.done', { seconds: summary.seconds.toFixed(1) })}</h2>
      <dl className="facts">
        <dt>{t('import.rows')}</dt>
        <dd>{n(summary.rowsRead)}</dd>
        <dt>{t('figure.orders')}</dt>
        <dd>{t('import.counts', { imported: n(summary.orders.imported), duplicates: n(summary.orders.duplicates) })}</dd>
        <dt>{t('figure.refunds')}</dt>
        <dd>{t('import.counts', { imported: n(summary.refunds.imported), duplicates: n(summary.refunds.duplicates) })}</dd>
        <dt>{t('nav.customers')}</dt>
        <dd>{t('import.counts', { imported: n(summary.customers.imported), duplicates: n(summary.customers.duplicates) })}</dd>
        <dt>{t('import.skipped')}</dt>
        <dd>{n(summary.skipped.total)}</dd>
        <dt>{t('import.rejected')}</dt>
        <dd>{n(summary.rejected.total)}</dd>
      </dl>
      {summary.rejected.lines.length > 0 && (
        <details>
          <summary>{t('import.rejectedLines')}</summary>
          <ul className="notes">
            {summary.rejected.lines.map((line) => (
              <li key={line.line}>
                {t('import.line', { line: line.line })}: {line.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <Link to={`/p/${project.id}`}>{t('nav.overview')}</Link> · <Link to={`/p/${project.id}/customers`}>{t('nav.customers')}</Link> ·{' '}
        <Link to={`/p/${project.id}/reports`}>{t('nav.reports')}</Link>
      </p>
    </section>
  )
}

/** Upload a CSV (the online-retail export or a generic one with a column map), with progress and a summary. */
export function ImportPage() {
  const { t, locale } = useI18n()
  const project = useProject()
  const queryClient = useQueryClient()
  const fileId = useId()
  const [format, setFormat] = useState<Format>('online-retail')
  const [map, setMap] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const abort = useRef<AbortController | null>(null)

  const run = useMutation({
    mutationFn: (chosen: File) => {
      abort.current = new AbortController()
      setProgress(null)
      return uploadImport({ projectId: project.id, format, map: format === 'generic' ? map : undefined, file: chosen, onProgress: setProgress, signal: abort.current.signal })
    },
    // Everything read from the project may have changed.
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['customers'] }), queryClient.invalidateQueries({ queryKey: ['insights'] })]),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (file) run.mutate(file)
  }
  const error = run.error
  const share = progress && file && file.size > 0 ? Math.min(1, progress.bytesRead / file.size) : undefined

  return (
    <div className="page narrow-wide">
      <h1>{t('nav.import')}</h1>
      <p className="lead">{t('import.lead')}</p>
      <form onSubmit={submit} className="panel">
        <fieldset className="radio-group">
          <legend>{t('import.format')}</legend>
          <label>
            <input type="radio" name="format" value="online-retail" checked={format === 'online-retail'} onChange={() => setFormat('online-retail')} />
            {t('import.onlineRetail')}
          </label>
          <label>
            <input type="radio" name="format" value="generic" checked={format === 'generic'} onChange={() => setFormat('generic')} />
            {t('import.generic')}
          </label>
        </fieldset>
        {format === 'generic' && (
          <div className="field">
            <label htmlFor={`${fileId}-map`}>{t('import.map')}</label>
            <input id={`${fileId}-map`} value={map} onChange={(e) => setMap(e.target.value)} placeholder="order_id=Invoice,ordered_at=Date,amount=Total" aria-describedby={`${fileId}-map-hint`} />
            <small id={`${fileId}-map-hint`} className="hint">
              {t('import.mapHint')}
            </small>
          </div>
        )}
        <div className="field">
          <label htmlFor={fileId}>{t('import.file')}</label>
          <input id={fileId} type="file" accept=".csv,.gz,text/csv,application/gzip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="toolbar">
          <button type="submit" className="primary" disabled={!file || run.isPending}>
            {run.isPending ? t('import.importing') : t('import.start')}
          </button>
          {run.isPending && (
            <button type="button" onClick={() => abort.current?.abort()}>
              {t('import.cancel')}
            </button>
          )}
        </div>
        {run.isPending && (
          <div className="progress" role="status" aria-live="polite">
            <progress max={1} value={share} aria-label={t('import.progress')} />
            <span>{progress ? t('import.progressText', { rows: formatNumber(progress.rowsRead, locale), events: formatNumber(progress.eventsStored, locale) }) : t('import.uploading')}</span>
          </div>
        )}
        {error && (
          <div className="state state-error" role="alert">
            <p>{error instanceof ImportError ? error.message : error.name === 'AbortError' ? t('import.cancelled') : t('import.failed')}</p>
            {error instanceof ImportError && error.issues.length > 0 && (
              <ul>
                {error.issues.map((issue) => (
                  <li key={`${issue.path}-${issue.message}`}>{issue.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
      {run.data && <Summary summary={run.data} />}
    </div>
  )
}
