import { useQuery } from '@tanstack/react-query'
import { queries } from '../../api/queries'
import { formatRelative } from '../../format/format'
import { useI18n } from '../../i18n/i18n'
import { Link } from '../../router/link'

const POLL_MS = 2000

/**
 * "Waiting for your first event… received": polls the newest customer (and the
 * keys' last use, which a guest purchase or a track also updates) until
 * something arrives, then stops polling.
 */
export function FirstEventIndicator({ projectId }: { projectId: string }) {
  const { t, locale } = useI18n()
  const customers = useQuery({
    ...queries.customers(projectId, { limit: 1, sort: 'lastSeen', order: 'desc' }),
    refetchInterval: (query) => ((query.state.data?.items.length ?? 0) > 0 ? false : POLL_MS),
    staleTime: 0,
  })
  const keys = useQuery({
    ...queries.keys(projectId),
    refetchInterval: (query) => (query.state.data?.some((key) => key.lastUsedAt) ? false : POLL_MS),
    staleTime: 0,
  })
  const newest = customers.data?.items[0]
  const keyUsedAt = keys.data?.map((key) => key.lastUsedAt).find((at) => at !== null)
  const received = newest !== undefined || keyUsedAt !== undefined
  return (
    <div className={`first-event ${received ? 'received' : 'waiting'}`} role="status" aria-live="polite">
      {received ? (
        <>
          <span className="dot" aria-hidden="true" />
          <strong>{t('connect.received')}</strong>{' '}
          {newest ? (
            <>
              {t('connect.newestCustomer')}{' '}
              <Link to={`/p/${projectId}/customers/${encodeURIComponent(newest.customerId)}`}>
                {newest.name ?? newest.email ?? newest.customerId}
              </Link>{' '}
              ({formatRelative(newest.lastSeenAt, Date.now(), locale)})
            </>
          ) : (
            t('connect.keyUsed')
          )}
        </>
      ) : (
        <>
          <span className="spinner" aria-hidden="true" />
          {t('connect.waiting')}
        </>
      )}
    </div>
  )
}
