import { type FormEvent, useEffect, useState } from 'react'
import type { CustomerListInput } from '../../api/types'
import { addDays, todayIn } from '../../format/period'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/i18n'
import { currentPath, navigate, useLocation } from '../../router/history'
import { isSegment, SEGMENTS } from '../insights/segment-names'

const RECENCY: Record<string, { label: MessageKey; days: number; within: boolean }> = {
  '30': { label: 'filters.within30', days: 30, within: true },
  '90': { label: 'filters.within90', days: 90, within: true },
  '365': { label: 'filters.within365', days: 365, within: true },
  'not90': { label: 'filters.not90', days: 90, within: false },
  'not365': { label: 'filters.not365', days: 365, within: false },
}

/** Lead score bands, best first, with their names. */
export const SCORE_LABELS = { HOT: 'score.HOT', WARM: 'score.WARM', COLD: 'score.COLD', UNQUALIFIED: 'score.UNQUALIFIED' } as const satisfies Record<string, MessageKey>
const isScoreLabel = (value: string): value is keyof typeof SCORE_LABELS => Object.hasOwn(SCORE_LABELS, value)

const DECIMAL = /^-?\d+(\.\d+)?$/
const PARAMS = ['segment', 'score', 'traitKey', 'traitValue', 'minSpent', 'maxSpent', 'recency'] as const
type Param = (typeof PARAMS)[number]
export type FilterInput = Pick<CustomerListInput, 'segment' | 'scoreLabel' | 'traitKey' | 'traitValue' | 'minSpent' | 'maxSpent' | 'lastPurchaseAfter' | 'lastPurchaseBefore'>

function setParams(values: Partial<Record<Param, string>>): void {
  const url = new URL(currentPath(), 'http://local')
  for (const [name, value] of Object.entries(values)) {
    if (value) url.searchParams.set(name, value)
    else url.searchParams.delete(name)
  }
  navigate(url.pathname + url.search, { replace: true })
}

/** The filters in the URL, as `customers.list` input. Recency is cut at midnight of the project's day, so the query key is stable all day. */
export function useCustomerFilters(timeZone: string): { input: FilterInput; active: number; key: string } {
  const { search } = useLocation()
  const input: FilterInput = {}
  const segment = search.get('segment') ?? ''
  if (isSegment(segment)) input.segment = segment
  const score = search.get('score') ?? ''
  if (isScoreLabel(score)) input.scoreLabel = score
  const traitKey = search.get('traitKey')?.trim()
  if (traitKey) {
    input.traitKey = traitKey
    input.traitValue = search.get('traitValue') ?? ''
  }
  const minSpent = search.get('minSpent') ?? ''
  if (DECIMAL.test(minSpent)) input.minSpent = minSpent
  const maxSpent = search.get('maxSpent') ?? ''
  if (DECIMAL.test(maxSpent)) input.maxSpent = maxSpent
  const recency = RECENCY[search.get('recency') ?? '']
  if (recency) {
    const cut = `${addDays(todayIn(timeZone), -recency.days)}T00:00:00Z`
    if (recency.within) input.lastPurchaseAfter = cut
    else input.lastPurchaseBefore = cut
  }
  return { input, active: Object.keys(input).filter((name) => name !== 'traitValue').length, key: JSON.stringify(input) }
}

/** Segment, lead score and recency apply at once; trait and spend bounds on "Apply". Folded away while none is set. */
export function CustomerFilters({ active }: { active: number }) {
  const { t } = useI18n()
  const { search } = useLocation()
  const read = () => ({
    traitKey: search.get('traitKey') ?? '',
    traitValue: search.get('traitValue') ?? '',
    minSpent: search.get('minSpent') ?? '',
    maxSpent: search.get('maxSpent') ?? '',
  })
  const [draft, setDraft] = useState(read)
  const signature = search.toString()
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read the draft when the URL changes (back, reset)
  useEffect(() => setDraft(read()), [signature])
  const apply = (event: FormEvent) => {
    event.preventDefault()
    setParams(draft)
  }
  const invalid = (value: string) => value !== '' && !DECIMAL.test(value)
  return (
    <details className="filters-box" open={active > 0 || undefined}>
      <summary>{active > 0 ? t('filters.titleActive', { n: active }) : t('filters.title')}</summary>
      <form className="filters" onSubmit={apply} aria-label={t('filters.title')}>
        <label>
          {t('insights.segment')}
          <select value={search.get('segment') ?? ''} onChange={(e) => setParams({ segment: e.target.value })}>
            <option value="">{t('filters.any')}</option>
            {Object.entries(SEGMENTS).map(([segment, label]) => (
              <option key={segment} value={segment}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('score.title')}
          <select value={search.get('score') ?? ''} onChange={(e) => setParams({ score: e.target.value })}>
            <option value="">{t('filters.any')}</option>
            {Object.entries(SCORE_LABELS).map(([label, name]) => (
              <option key={label} value={label}>
                {t(name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.lastPurchase')}
          <select value={search.get('recency') ?? ''} onChange={(e) => setParams({ recency: e.target.value })}>
            <option value="">{t('filters.any')}</option>
            {Object.entries(RECENCY).map(([value, option]) => (
              <option key={value} value={value}>
                {t(option.label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.trait')}
          <input value={draft.traitKey} size={10} placeholder="country" onChange={(e) => setDraft({ ...draft, traitKey: e.target.value })} />
        </label>
        <label>
          {t('filters.equals')}
          <input value={draft.traitValue} size={10} placeholder="Germany" onChange={(e) => setDraft({ ...draft, traitValue: e.target.value })} />
        </label>
        <label>
          {t('filters.minSpent')}
          <input value={draft.minSpent} size={7} inputMode="decimal" aria-invalid={invalid(draft.minSpent) || undefined} onChange={(e) => setDraft({ ...draft, minSpent: e.target.value })} />
        </label>
        <label>
          {t('filters.maxSpent')}
          <input value={draft.maxSpent} size={7} inputMode="decimal" aria-invalid={invalid(draft.maxSpent) || undefined} onChange={(e) => setDraft({ ...draft, maxSpent: e.target.value })} />
        </label>
        <button type="submit">{t('period.apply')}</button>
        <button type="button" className="link-button" onClick={() => setParams(Object.fromEntries(PARAMS.map((name) => [name, ''])))}>
          {t('filters.reset')}
        </button>
      </form>
    </details>
  )
}
