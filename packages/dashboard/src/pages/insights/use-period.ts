import { useCallback } from 'react'
import { type Interval, intervalFor, isDate, type Period, PRESETS, type PresetId, presetPeriod, todayIn } from '../../format/period'
import { currentPath, navigate, useLocation } from '../../router/history'

export type Compare = 'previous_period' | 'previous_year' | 'none'

export interface PeriodState extends Period {
  /** A preset, or `custom` for explicit dates. */
  preset: PresetId | 'custom'
  compare: Compare
}

const INTERVALS: readonly Interval[] = ['day', 'week', 'month']

/**
 * The period of the Overview and Reports pages, kept in the URL (`?period=90d`,
 * or `?from=…&to=…`), so a link or a reload shows the same figures.
 */
export function usePeriod(timeZone: string): [PeriodState, (change: Partial<PeriodState>) => void] {
  const { search } = useLocation()
  const preset = search.get('period')
  const from = search.get('from') ?? ''
  const to = search.get('to') ?? ''
  const compareParam = search.get('compare')
  const compare: Compare = compareParam === 'previous_year' || compareParam === 'none' ? compareParam : 'previous_period'
  const intervalParam = search.get('interval') as Interval | null

  let state: PeriodState
  if (isDate(from) && isDate(to) && from < to && !PRESETS.includes(preset as PresetId)) {
    state = { preset: 'custom', from, to, interval: intervalFor(from, to), compare }
  } else {
    const id = PRESETS.includes(preset as PresetId) ? (preset as PresetId) : '30d'
    state = { preset: id, ...presetPeriod(id, todayIn(timeZone)), compare }
  }
  if (intervalParam && INTERVALS.includes(intervalParam)) state.interval = intervalParam

  const update = useCallback((change: Partial<PeriodState>) => {
    const url = new URL(currentPath(), 'http://local')
    const params = url.searchParams
    if (change.preset && change.preset !== 'custom') {
      params.set('period', change.preset)
      params.delete('from')
      params.delete('to')
      params.delete('interval')
    }
    if (change.from !== undefined && change.to !== undefined) {
      params.delete('period')
      params.set('from', change.from)
      params.set('to', change.to)
      params.delete('interval')
    }
    if (change.interval) params.set('interval', change.interval)
    if (change.compare) {
      if (change.compare === 'previous_period') params.delete('compare')
      else params.set('compare', change.compare)
    }
    navigate(url.pathname + url.search, { replace: true })
  }, [])
  return [state, update]
}
