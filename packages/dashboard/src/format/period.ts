/** Calendar arithmetic on `YYYY-MM-DD` dates, the way reports take periods (`from` inclusive, `to` exclusive). */

export type Interval = 'day' | 'week' | 'month'
export type PresetId = '7d' | '30d' | '90d' | '12m'
export const PRESETS: readonly PresetId[] = ['7d', '30d', '90d', '12m']

export interface Period {
  from: string
  to: string
  interval: Interval
}

/** Today's date in a time zone (`en-CA` formats as `YYYY-MM-DD`). */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000
  return new Date(time).toISOString().slice(0, 10)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

function firstOfMonth(date: string, monthsBack: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, month - 1 - monthsBack, 1)).toISOString().slice(0, 10)
}

/** The period of a preset ending with the day `lastDay` (included). */
export function presetPeriod(preset: PresetId, lastDay: string): Period {
  const to = addDays(lastDay, 1)
  switch (preset) {
    case '7d':
      return { from: addDays(to, -7), to, interval: 'day' }
    case '30d':
      return { from: addDays(to, -30), to, interval: 'day' }
    case '90d':
      return { from: addDays(to, -90), to, interval: 'week' }
    case '12m':
      return { from: firstOfMonth(lastDay, 11), to, interval: 'month' }
    default: {
      const never: never = preset
      return never
    }
  }
}

/** A sensible interval for a period's length: days up to two months, weeks up to half a year, then months. */
export function intervalFor(from: string, to: string): Interval {
  const days = daysBetween(from, to)
  if (days <= 62) return 'day'
  if (days <= 186) return 'week'
  return 'month'
}

export function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))
}

/** The first day of the month `months` after the month of `date`. */
export function addMonths(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10)
}

/** The start of the interval after the one starting at `start`. */
export function nextInterval(start: string, interval: Interval): string {
  switch (interval) {
    case 'day':
      return addDays(start, 1)
    case 'week':
      return addDays(start, 7)
    case 'month':
      return addMonths(start, 1)
    default: {
      const never: never = interval
      return never
    }
  }
}
