import type { ReactNode } from 'react'
import { errorMessage } from '../api/errors'
import { useI18n } from '../i18n/i18n'

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n()
  return (
    <p className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('state.loading')}
    </p>
  )
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n()
  return (
    <div className="state state-error" role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  )
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  )
}

/** A page whose data comes from a server feature that is not there yet: said plainly, no made-up figures. */
export function NotAvailable({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useI18n()
  return (
    <section className="not-available" aria-labelledby="na-title">
      <h1 id="na-title">{title}</h1>
      <p className="badge">{t('state.notAvailable')}</p>
      {children}
    </section>
  )
}
