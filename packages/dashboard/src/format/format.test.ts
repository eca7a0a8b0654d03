import { describe, expect, it } from 'vitest'
import { formatMoney, formatRelative } from './format'

describe('formatMoney', () => {
  it('keeps every digit of the decimal string, beyond what a float can hold', () => {
    expect(formatMoney('90071992547409.93', 'USD')).toBe('$90,071,992,547,409.93')
    expect(formatMoney('0.10', 'EUR', 'en')).toBe('€0.10')
  })

  it('uses the currency exponent and the locale', () => {
    expect(formatMoney('1500', 'JPY')).toBe('¥1,500')
    expect(formatMoney('-12.5', 'GBP')).toBe('-£12.50')
  })
})

describe('formatRelative', () => {
  it('picks the largest unit that fits', () => {
    const now = Date.parse('2026-01-10T12:00:00Z')
    expect(formatRelative('2026-01-10T11:59:30Z', now)).toBe('30 seconds ago')
    expect(formatRelative('2026-01-10T09:00:00Z', now)).toBe('3 hours ago')
    expect(formatRelative('2026-01-08T12:00:00Z', now)).toBe('2 days ago')
  })
})
