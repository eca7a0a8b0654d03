import type { Fact, Locale } from '@rapport/shared'
import type { Grounds } from './grounding.js'
import { formatChange, formatDate, formatMoney, formatMonth, formatNumber, formatPercent } from './number-format.js'

/**
 * The figures a summary may cite, each under a stable id, with the form the
 * text shows. Built once per answer; the grounding check reads its values, and
 * names and dates are literals (their digits are not figures).
 */
export interface FactSheet {
  readonly locale: Locale
  readonly currency: string
  money(id: string, label: string, amount: string): Fact
  count(id: string, label: string, value: number): Fact
  /** A share, shown as a percentage. */
  ratio(id: string, label: string, value: number): Fact
  /** A relative change, shown signed (`+12.5%`). */
  change(id: string, label: string, value: number): Fact
  /** A name or id: cited verbatim, never read as a figure. */
  text(id: string, label: string, value: string): Fact
  date(id: string, label: string, value: string): Fact
  month(id: string, label: string, value: string): Fact
  get(id: string): Fact | undefined
  /** The formatted form of a fact that must exist. */
  show(id: string): string
  list(): Fact[]
  grounds(): Grounds
}

export function createFactSheet(locale: Locale, currency: string): FactSheet {
  const facts = new Map<string, Fact>()
  const values: number[] = []
  const literals: string[] = []
  const add = (fact: Fact): Fact => {
    facts.set(fact.id, fact)
    return fact
  }
  const addDate = (id: string, label: string, value: string, formatted: string): Fact => {
    literals.push(value, formatDate(value, locale), formatMonth(value, locale))
    values.push(...value.split('-').map(Number))
    return add({ id, label, value, formatted })
  }
  return {
    locale,
    currency,
    money: (id, label, amount) => {
      values.push(Number(amount))
      return add({ id, label, value: amount, formatted: formatMoney(amount, currency, locale) })
    },
    count: (id, label, value) => {
      values.push(value)
      return add({ id, label, value, formatted: formatNumber(value, locale) })
    },
    ratio: (id, label, value) => {
      values.push(value)
      return add({ id, label, value, formatted: formatPercent(value, locale) })
    },
    change: (id, label, value) => {
      values.push(value)
      return add({ id, label, value, formatted: formatChange(value, locale) })
    },
    text: (id, label, value) => {
      literals.push(value)
      return add({ id, label, value, formatted: value })
    },
    date: (id, label, value) => addDate(id, label, value, formatDate(value, locale)),
    month: (id, label, value) => addDate(id, label, value, formatMonth(value, locale)),
    get: (id) => facts.get(id),
    show: (id) => {
      const fact = facts.get(id)
      if (!fact) throw new Error(`unreachable: no fact ${id}`)
      return fact.formatted
    },
    list: () => [...facts.values()],
    grounds: () => ({ values: [...values], literals: [...literals] }),
  }
}
