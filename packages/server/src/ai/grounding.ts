/**
 * What a generated text may cite: `values` are the figures (a token matches one
 * after rounding to the token's own precision), `literals` are names, ids and
 * dates that may appear verbatim even though they hold digits
 * ("SET OF 3 CAKE TINS", customer 12346, 2011-03-01).
 */
export interface Grounds {
  values: readonly number[]
  literals: readonly string[]
}

/** A number in a text that matches no figure of the grounds. */
export interface UngroundedNumber {
  text: string
  index: number
}

interface Reading {
  value: number
  /** Half of the last written digit's place: how far a rounded figure may be from the token. */
  tolerance: number
}

const SPACE = '[ \\u00a0\\u202f]'
// Digits with `.`/`,` separators or space-grouped thousands ("1 234,5"), not glued to letters or digits.
const NUMBER = new RegExp(`(?<![\\p{L}\\p{N}_])\\d+(?:(?:[.,]|${SPACE}(?=\\d{3}(?!\\d)))\\d+)*`, 'gu')
const DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b/g
const SCALE: ReadonlyArray<[RegExp, number]> = [
  [/^\s?(?:k|K|thousand|тыс\.?)(?![\p{L}])/u, 1e3],
  [/^\s?(?:m|M|mn|million|millions|млн\.?)(?![\p{L}])/u, 1e6],
  [/^\s?(?:bn|billion|млрд\.?)(?![\p{L}])/u, 1e9],
]
const PERCENT = /^\s?(?:%|percent|per cent|процент|п\.\s?п\.|pp)/u

function decimalReading(integer: string, fraction: string): Reading {
  const value = Number(`${integer}.${fraction}`)
  return { value, tolerance: 0.5 * 10 ** -fraction.length }
}

/**
 * The values a number token may mean. `1,234` is a thousand and more in English
 * and 1.234 in Russian; both readings are tried, so a text in either style is
 * checked fairly.
 */
export function readNumber(token: string): Reading[] {
  const compact = token.replace(/[ \u00a0\u202f]/g, '')
  const lastDot = compact.lastIndexOf('.')
  const lastComma = compact.lastIndexOf(',')
  if (lastDot === -1 && lastComma === -1) return [{ value: Number(compact), tolerance: 0.5 }]
  if (lastDot !== -1 && lastComma !== -1) {
    const at = Math.max(lastDot, lastComma)
    return [decimalReading(compact.slice(0, at).replace(/[.,]/g, ''), compact.slice(at + 1))]
  }
  const separator = lastDot !== -1 ? '.' : ','
  const parts = compact.split(separator)
  const grouped = parts.slice(1).every((part) => part.length === 3)
  const readings: Reading[] = []
  if (grouped) readings.push({ value: Number(parts.join('')), tolerance: 0.5 })
  if (parts.length === 2) readings.push(decimalReading(parts[0] ?? '', parts[1] ?? ''))
  return readings
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Blanks out the literals (longest first, any case) so digits inside names and ids are not read as figures. */
function maskLiterals(text: string, literals: readonly string[]): string {
  let masked = text
  const withDigits = [...new Set(literals.filter((literal) => /\d/.test(literal) && literal.trim().length > 0))].sort((a, b) => b.length - a.length)
  for (const literal of withDigits) {
    // Whole words only: a customer id "30" must not blank the digits of "1,830.00".
    masked = masked.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(literal)}(?![\\p{L}\\p{N}])`, 'giu'), (match) => ' '.repeat(match.length))
  }
  return masked
}

function matches(reading: Reading, percent: boolean, scale: number, values: readonly number[]): boolean {
  const token = reading.value * scale
  const tolerance = reading.tolerance * scale
  for (const value of values) {
    const candidates = percent ? [value * 100, value] : [value]
    for (const candidate of candidates) {
      if (Math.abs(Math.abs(candidate) - token) <= tolerance + 1e-9 * Math.max(1, Math.abs(candidate))) return true
    }
  }
  return false
}

/**
 * Every number in `text` that no figure of the grounds explains. A token
 * matches a figure when the figure, rounded to the token's precision (and
 * scale: `1.2k`, `1,2 млн`; percent: `12.5%` for 0.125), gives the token;
 * signs are ignored because texts say "fell by 12%" for −0.12.
 *
 * @example
 * findUngrounded('Revenue fell 12,5 % to 1 234,50 £', { values: [-0.125, 1234.5], literals: [] }) // []
 */
export function findUngrounded(text: string, grounds: Grounds): UngroundedNumber[] {
  const masked = maskLiterals(text, grounds.literals)
  const problems: UngroundedNumber[] = []
  const withoutDates = masked.replace(DATE, (match, index: number) => {
    problems.push({ text: match, index })
    return ' '.repeat(match.length)
  })
  for (const match of withoutDates.matchAll(NUMBER)) {
    const token = match[0]
    const index = match.index
    const after = withoutDates.slice(index + token.length)
    // Glued to a letter (`85123A`, `3rd`): an identifier or an ordinal, not a figure.
    if (/^[\p{L}]/u.test(after) && !SCALE.some(([pattern]) => pattern.test(after)) && !PERCENT.test(after)) continue
    const percent = PERCENT.test(after)
    const scale = SCALE.find(([pattern]) => pattern.test(after))?.[1] ?? 1
    const readings = readNumber(token)
    if (!readings.some((reading) => matches(reading, percent, scale, grounds.values))) problems.push({ text: token, index })
  }
  return problems.sort((a, b) => a.index - b.index)
}

/** Merges grounds, e.g. the facts of several tool results and the question's own numbers. */
export function mergeGrounds(...all: Grounds[]): Grounds {
  return { values: all.flatMap((grounds) => grounds.values), literals: all.flatMap((grounds) => grounds.literals) }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/
const DECIMAL = /^-?\d+(\.\d+)?$/

/**
 * Grounds from any JSON a tool returned: every number and decimal string is a
 * figure; other strings (names, ids, dates) are literals, and dates also give
 * their year, month and day; an array's length is a figure ("the top 5").
 */
export function groundsFromJson(data: unknown): Grounds {
  const values: number[] = []
  const literals: string[] = []
  const visit = (node: unknown): void => {
    if (typeof node === 'number') values.push(node)
    else if (typeof node === 'string') {
      if (DECIMAL.test(node)) values.push(Number(node))
      else {
        literals.push(node)
        if (ISO_DATE.test(node)) values.push(...node.slice(0, 10).split('-').map(Number))
      }
    } else if (Array.isArray(node)) {
      values.push(node.length)
      node.forEach(visit)
    } else if (node !== null && typeof node === 'object') Object.values(node).forEach(visit)
  }
  visit(data)
  return { values, literals }
}

/** The numbers a user wrote in the question may be repeated ("the top 5", "in 2011"). */
export function groundsFromText(text: string): Grounds {
  const values = [...text.matchAll(NUMBER)].flatMap((match) => readNumber(match[0]).map((reading) => reading.value))
  return { values, literals: [...text.matchAll(DATE)].map((match) => match[0]) }
}
