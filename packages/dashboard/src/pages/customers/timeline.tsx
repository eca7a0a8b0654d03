import type { TimelineEntry } from '../../api/types'
import { formatDateTime, formatMoney } from '../../format/format'
import { useI18n } from '../../i18n/i18n'

function Entry({ entry }: { entry: TimelineEntry }) {
  const { t, locale } = useI18n()
  switch (entry.kind) {
    case 'purchase':
      return (
        <>
          <span className="tl-kind">{t('timeline.purchase')}</span> {t('timeline.order', { orderId: entry.orderId })} ·{' '}
          <strong>{formatMoney(entry.amount, entry.currency, locale)}</strong>
          {entry.status !== 'completed' && <span className="badge">{entry.status}</span>}
        </>
      )
    case 'refund':
      return (
        <>
          <span className="tl-kind refund">{t('timeline.refund')}</span>{' '}
          {entry.orderId !== null && <>{t('timeline.order', { orderId: entry.orderId })} · </>}
          <strong>−{formatMoney(entry.amount, entry.currency, locale)}</strong>
        </>
      )
    case 'interaction': {
      const properties = Object.entries(entry.properties)
      return (
        <>
          <span className="tl-kind">{entry.name}</span>
          {properties.length > 0 && (
            <span className="sub">
              {' '}
              {properties
                .slice(0, 4)
                .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
                .join(', ')}
            </span>
          )}
        </>
      )
    }
    default: {
      const never: never = entry
      return never
    }
  }
}

/** Purchases, refunds and interactions, newest first. */
export function Timeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  const { t, locale } = useI18n()
  if (entries.length === 0) return <p className="sub">{t('timeline.empty')}</p>
  return (
    <ol className="timeline" aria-label={t('timeline.title')}>
      {entries.map((entry, index) => (
        // Entries have no id of their own; kind, time and position identify them within this list.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
        <li key={`${entry.kind}-${entry.at}-${index}`} className={`tl-${entry.kind}`}>
          <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone, locale)}</time>
          <div>
            <Entry entry={entry} />
          </div>
        </li>
      ))}
    </ol>
  )
}
