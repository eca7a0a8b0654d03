/** A wall-clock date and time, without a zone. Months are 1–12. */
export interface LocalDateTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/

/** `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` or with a `T`; null when it is not one, or not a real date. */
export function parseLocalDateTime(text: string): LocalDateTime | null {
  const match = LOCAL.exec(text)
  if (!match) return null
  const local = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4] ?? 0),
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
  }
  const probe = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second))
  const real =
    probe.getUTCFullYear() === local.year &&
    probe.getUTCMonth() === local.month - 1 &&
    probe.getUTCDate() === local.day &&
    probe.getUTCHours() === local.hour &&
    probe.getUTCMinutes() === local.minute
  return real ? local : null
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The zone's offset from UTC at an instant, in milliseconds (BST: +3,600,000). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  const asUtc = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0)
  // Offsets are whole seconds; the instant's milliseconds are not in the parts.
  return asUtc - Math.floor(instant / 1000) * 1000
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The instant a wall-clock time in `timeZone` denotes, found with `Intl` alone.
 * Ambiguous and skipped times resolve like Temporal's `compatible`: in the
 * autumn overlap the earlier instant (summer time), in the spring gap the
 * time read with the offset before the change (01:30 in London on the last
 * Sunday of March is 01:30 UTC = 02:30 BST).
 */
export function localToUtc(local: LocalDateTime, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second)
  // Offsets a day either side cover any transition near this time.
  const before = zoneOffsetMs(wall - DAY_MS, timeZone)
  const after = zoneOffsetMs(wall + DAY_MS, timeZone)
  const candidates = [wall - before, wall - after].filter((instant) => zoneOffsetMs(instant, timeZone) === wall - instant)
  if (candidates.length > 0) return new Date(Math.min(...candidates))
  return new Date(wall - before)
}

/**
 * `localToUtc` for many rows with few distinct times (the lines of an
 * invoice share one): remembers recent answers, bounded so a file with
 * millions of distinct times does not grow it without end.
 */
export class ZonedClock {
  readonly #timeZone: string
  readonly #cache = new Map<string, Date | null>()
  // Per local date: its one offset, or null when a transition is near.
  readonly #dayOffsets = new Map<string, number | null>()

  constructor(timeZone: string) {
    this.#timeZone = timeZone
  }

  /** The instant of a local date-time text; null when the text is not one. */
  toInstant(text: string): Date | null {
    const cached = this.#cache.get(text)
    if (cached !== undefined) return cached
    const local = parseLocalDateTime(text)
    const instant = local === null ? null : this.#convert(local)
    if (this.#cache.size >= 10_000) this.#cache.clear()
    this.#cache.set(text, instant)
    return instant
  }

  #convert(local: LocalDateTime): Date {
    const day = `${local.year}-${local.month}-${local.day}`
    let offset = this.#dayOffsets.get(day)
    if (offset === undefined) {
      // The same offset a day before and two days after: none changes on this date.
      const midnight = Date.UTC(local.year, local.month - 1, local.day)
      const before = zoneOffsetMs(midnight - DAY_MS, this.#timeZone)
      offset = before === zoneOffsetMs(midnight + 2 * DAY_MS, this.#timeZone) ? before : null
      if (this.#dayOffsets.size >= 10_000) this.#dayOffsets.clear()
      this.#dayOffsets.set(day, offset)
    }
    const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second)
    return offset === null ? localToUtc(local, this.#timeZone) : new Date(wall - offset)
  }
}
