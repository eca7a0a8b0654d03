import type { Interval } from '@rapport/shared'

const DAY_MS = 86_400_000

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  return format(new Date(parse(date).getTime() + days * DAY_MS))
}

/** Adds calendar months, clamping to the month's last day (Mar 31 − 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const d = parse(date)
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay))
  return format(target)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS)
}

/** Start of the interval containing `date`: itself, its ISO week's Monday, or the 1st of its month. */
export function truncate(date: string, interval: Interval): string {
  const d = parse(date)
  if (interval === 'day') return date
  if (interval === 'week') return addDays(date, -((d.getUTCDay() + 6) % 7))
  return format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)))
}

export function nextStart(start: string, interval: Interval): string {
  if (interval === 'day') return addDays(start, 1)
  if (interval === 'week') return addDays(start, 7)
  return addMonths(start, 1)
}

export interface Bucket {
  /** Interval start as truncated (may be before the period's `from`); the key in SQL results. */
  key: string
  /** Clipped to the period. */
  start: string
  end: string
}

/** The intervals covering [from, to), each clipped to the period. */
export function buckets(from: string, to: string, interval: Interval): Bucket[] {
  const out: Bucket[] = []
  for (let key = truncate(from, interval); key < to; key = nextStart(key, interval)) {
    const next = nextStart(key, interval)
    out.push({ key, start: key < from ? from : key, end: next > to ? to : next })
  }
  return out
}

/** Today's date in a time zone. */
export function todayIn(timezone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}
