import type { Locale } from '@rapport/shared'

const TAG: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU' }

/** A count or plain number as the locale writes it: `1,234.5` in English, `1 234,5` in Russian. */
export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  return new Intl.NumberFormat(TAG[locale], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value)
}

/** An amount of money (a decimal string in major units) with its currency: `£1,234.56`, `1 234,56 £`. */
export function formatMoney(amount: string, currency: string, locale: Locale): string {
  const value = Number(amount)
  try {
    return new Intl.NumberFormat(TAG[locale], { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(value)
  } catch {
    // A code Intl does not know: the number and the code.
    return `${formatNumber(value, locale, 2)} ${currency}`
  }
}

/** A ratio as a percentage with at most one decimal: `0.125` → `12.5%` / `12,5 %`, `0.8` → `80%`. */
export function formatPercent(ratio: number, locale: Locale): string {
  return new Intl.NumberFormat(TAG[locale], { style: 'percent', maximumFractionDigits: 1 }).format(ratio)
}

/** A change as a signed percentage: `+12.5%`, `−3%`. */
export function formatChange(ratio: number, locale: Locale): string {
  const text = formatPercent(Math.abs(ratio), locale)
  return ratio > 0 ? `+${text}` : ratio < 0 ? `−${text}` : text
}

/** A calendar date (`YYYY-MM-DD`) in words: `1 March 2011`, `1 марта 2011 г.`. */
export function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAG[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
}

/** A month (`YYYY-MM-DD`, any day of it) in words: `March 2011`, `март 2011 г.`. */
export function formatMonth(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAG[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`))
}
