/**
 * Display formatting only. Money arrives as exact decimal strings and is never
 * turned into a float: Intl.NumberFormat formats the decimal string itself.
 */

const cache = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = cache.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    cache.set(key, format)
  }
  return format
}

/** `formatMoney('1234.50', 'EUR', 'en')` → `€1,234.50`; the exact digits of the string are kept. */
export function formatMoney(amount: string, currency: string, locale = 'en'): string {
  return numberFormat(locale, { style: 'currency', currency }).format(amount as Intl.StringNumericLiteral)
}

export function formatNumber(value: number, locale = 'en'): string {
  return numberFormat(locale, {}).format(value)
}

/** A date and time in the project's time zone: `21 Nov 2026, 14:05`. */
export function formatDateTime(iso: string, timeZone: string, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso))
}

export function formatDate(iso: string, timeZone: string, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso))
}

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
]

/** `3 minutes ago`, `in 2 days`. */
export function formatRelative(iso: string, now = Date.now(), locale = 'en'): string {
  let amount = (Date.parse(iso) - now) / 1000
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit)
    amount /= size
  }
  return format.format(Math.round(amount), 'year')
}
