import { type FormEvent, useEffect, useState } from 'react'
import { addDays, type Interval, isDate, PRESETS } from '../../format/period'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/i18n'
import type { Compare, PeriodState } from './use-period'

const PRESET_LABELS: Record<(typeof PRESETS)[number], MessageKey> = {
  '7d': 'period.7d',
  '30d': 'period.30d',
  '90d': 'period.90d',
  '12m': 'period.12m',
}

/** Preset buttons, explicit dates (the last day included), comparison and, on Reports, the interval. */
export function PeriodControls({ period, onChange, showInterval = false }: { period: PeriodState; onChange: (change: Partial<PeriodState>) => void; showInterval?: boolean }) {
  const { t } = useI18n()
  const lastDay = addDays(period.to, -1)
  const [from, setFrom] = useState(period.from)
  const [until, setUntil] = useState(lastDay)
  useEffect(() => {
    setFrom(period.from)
    setUntil(lastDay)
  }, [period.from, lastDay])
  const apply = (event: FormEvent) => {
    event.preventDefault()
    if (isDate(from) && isDate(until) && from <= until) onChange({ from, to: addDays(until, 1) })
  }
  return (
    <div className="period-controls">
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('period.preset')}</legend>
        {PRESETS.map((preset) => (
          <button key={preset} type="button" aria-pressed={period.preset === preset} onClick={() => onChange({ preset })}>
            {t(PRESET_LABELS[preset])}
          </button>
        ))}
      </fieldset>
      <form className="dates" onSubmit={apply}>
        <label>
          {t('period.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('period.until')}
          <input type="date" value={until} min={from} onChange={(e) => setUntil(e.target.value)} />
        </label>
        <button type="submit">{t('period.apply')}</button>
      </form>
      {showInterval && (
        <label>
          {t('period.interval')}
          <select value={period.interval} onChange={(e) => onChange({ interval: e.target.value as Interval })}>
            <option value="day">{t('period.day')}</option>
            <option value="week">{t('period.week')}</option>
            <option value="month">{t('period.month')}</option>
          </select>
        </label>
      )}
      <label>
        {t('period.compare')}
        <select value={period.compare} onChange={(e) => onChange({ compare: e.target.value as Compare })}>
          <option value="previous_period">{t('period.previousPeriod')}</option>
          <option value="previous_year">{t('period.previousYear')}</option>
          <option value="none">{t('period.noComparison')}</option>
        </select>
      </label>
    </div>
  )
}
