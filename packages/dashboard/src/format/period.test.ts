import { describe, expect, it } from 'vitest'
import { addDays, intervalFor, presetPeriod, todayIn } from './period'

describe('periods', () => {
  it('reads today in the project time zone, not the browser one', () => {
    const now = new Date('2026-03-01T23:30:00Z')
    expect(todayIn('UTC', now)).toBe('2026-03-01')
    expect(todayIn('Europe/Berlin', now)).toBe('2026-03-02')
    expect(todayIn('America/New_York', now)).toBe('2026-03-01')
  })

  it('counts days across month and leap-year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('builds presets that end with the last day included', () => {
    expect(presetPeriod('7d', '2026-11-21')).toEqual({ from: '2026-11-15', to: '2026-11-22', interval: 'day' })
    expect(presetPeriod('12m', '2026-11-21')).toEqual({ from: '2025-12-01', to: '2026-11-22', interval: 'month' })
    expect(presetPeriod('12m', '2026-01-10').from).toBe('2025-02-01')
  })

  it('picks an interval from the length', () => {
    expect(intervalFor('2026-01-01', '2026-02-01')).toBe('day')
    expect(intervalFor('2026-01-01', '2026-05-01')).toBe('week')
    expect(intervalFor('2025-01-01', '2026-01-01')).toBe('month')
  })
})

describe('intervals', () => {
  it('steps to the next day, week or month', async () => {
    const { nextInterval, addMonths } = await import('./period')
    expect(nextInterval('2011-12-09', 'day')).toBe('2011-12-10')
    expect(nextInterval('2011-12-05', 'week')).toBe('2011-12-12')
    expect(nextInterval('2011-12-01', 'month')).toBe('2012-01-01')
    expect(addMonths('2011-03-31', -12)).toBe('2010-03-01')
  })
})
