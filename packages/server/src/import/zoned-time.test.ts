import { describe, expect, it } from 'vitest'
import { localToUtc, parseLocalDateTime, ZonedClock } from './zoned-time.js'

const london = (text: string) => {
  const local = parseLocalDateTime(text)
  if (!local) throw new Error(`not a local time: ${text}`)
  return localToUtc(local, 'Europe/London').toISOString()
}

describe('local time to UTC', () => {
  it('reads winter time as UTC and summer time as UTC+1 in London', () => {
    expect(london('2010-12-01 08:26')).toBe('2010-12-01T08:26:00.000Z')
    expect(london('2011-06-15 12:00')).toBe('2011-06-15T11:00:00.000Z')
  })

  it('switches at 01:00 UTC on the last Sunday of March 2011 (spring forward)', () => {
    expect(london('2011-03-27 00:59')).toBe('2011-03-27T00:59:00.000Z')
    expect(london('2011-03-27 02:00')).toBe('2011-03-27T01:00:00.000Z')
    expect(london('2011-03-27 12:00')).toBe('2011-03-27T11:00:00.000Z')
    // 01:30 does not exist on the wall clock: read with the offset before the change (Temporal's "compatible").
    expect(london('2011-03-27 01:30')).toBe('2011-03-27T01:30:00.000Z')
  })

  it('switches back on the last Sunday of October 2011, taking the earlier of the two 01:30s', () => {
    expect(london('2011-10-30 00:30')).toBe('2011-10-29T23:30:00.000Z')
    expect(london('2011-10-30 01:30')).toBe('2011-10-30T00:30:00.000Z')
    expect(london('2011-10-30 02:00')).toBe('2011-10-30T02:00:00.000Z')
    expect(london('2011-10-29 23:59')).toBe('2011-10-29T22:59:00.000Z')
  })

  it('works for any zone, including ones west of UTC and with half hours', () => {
    const at = (text: string, zone: string) => localToUtc(parseLocalDateTime(text) ?? { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }, zone).toISOString()
    expect(at('2011-03-13 03:30', 'America/New_York')).toBe('2011-03-13T07:30:00.000Z')
    expect(at('2011-01-10 09:00', 'Asia/Kolkata')).toBe('2011-01-10T03:30:00.000Z')
    expect(at('2011-01-10T09:00:30', 'UTC')).toBe('2011-01-10T09:00:30.000Z')
  })

  it('gives the same answers through the cached clock, on and around transition days', () => {
    const clock = new ZonedClock('Europe/London')
    for (const text of ['2011-03-26 23:00', '2011-03-27 00:59', '2011-03-27 01:30', '2011-03-27 02:00', '2011-03-28 10:00', '2011-10-30 01:30', '2011-10-31 09:00']) {
      expect(clock.toInstant(text)?.toISOString()).toBe(london(text))
    }
  })

  it('refuses text that is not a real local date-time', () => {
    expect(parseLocalDateTime('2011-02-30 10:00')).toBeNull()
    expect(parseLocalDateTime('2011-01-01 24:00')).toBeNull()
    expect(parseLocalDateTime('01/02/2011 10:00')).toBeNull()
    expect(new ZonedClock('UTC').toInstant('yesterday')).toBeNull()
    expect(parseLocalDateTime('2011-01-01')).toEqual({ year: 2011, month: 1, day: 1, hour: 0, minute: 0, second: 0 })
  })
})
