import type { Issue } from '../errors.js'
import { currencyExponent, LIMITS } from './limits.js'
import { utf8Length } from './utf8-length.js'

/**
 * Compact checks mirroring the shared zod contracts, table-driven to keep the
 * browser bundle small (zod alone would triple it). The server stays the
 * authority; `validate-event.test.ts` holds both to the same verdicts.
 */

type Report = (path: string, message: string) => void
/** Returns what is wrong with `value` (reported at `path`), or reports deeper problems itself. */
type Check = (value: unknown, path: string, report: Report) => string | false | undefined
/** Field name → its check; a `!` suffix on the key marks it required. */
type Spec = Record<string, Check>
/** A field of a compiled spec. */
type Field = readonly [key: string, required: boolean, check: Check]
/**
 * A spec compiled once, so validating an event parses no field names; `known`
 * holds every name that is not an "Unknown field" (each key, with and without its `!`).
 */
type Shape = readonly [fields: Field[], known: Spec]

/** Compiles `spec` (a fresh object: each key is added to it without its `!`). */
function compile(spec: Spec): Shape {
  const fields: Field[] = []
  for (const [name, check] of Object.entries(spec)) {
    const key = name.replace('!', '')
    fields.push([key, key !== name, check])
    spec[key] = check
  }
  return [fields, spec]
}

// NUL and lone UTF-16 surrogates cannot be stored unchanged (same rule as the server).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// Looser than zod's `z.email()`, `z.uuid()` and `z.iso.datetime()` on purpose: a
// local check must never refuse what the server accepts (that would lose data);
// the rare value that only the server refuses is reported through `onError` anyway.
const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/
const DECIMAL = /^(\d+)(?:\.(\d+))?$/

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const text =
  (max: number, min = 0): Check =>
  (value) =>
    !(typeof value === 'string' && value.length >= min && value.length <= max && !UNSTORABLE.test(value)) &&
    `Must be ${min}–${max} characters, without NUL or lone surrogates`

const pattern =
  (regex: RegExp, what: string): Check =>
  (value) =>
    !(typeof value === 'string' && value.length <= 320 && regex.test(value)) && `Must be ${what}`

/** Why a decimal (`"49.90"`, `49.9`) does not fit `scale` decimals; `undefined` when it does. */
export function decimalProblem(amount: unknown, scale: number): string | undefined {
  // A number in exponent form ("1e-7", "1e+21") then fails DECIMAL like any other non-decimal text.
  const text = typeof amount === 'number' && amount >= 0 ? String(amount) : amount
  const match = typeof text === 'string' ? DECIMAL.exec(text) : null
  if (!match) return 'Must be a non-negative decimal such as "49.90"'
  // 13 whole digits keep minor units far inside int64 (the server's MAX_AMOUNT_INTEGER_DIGITS);
  // a Number holds 13 digits exactly, and leading zeros do not count.
  if (Number(match[1]) >= 1e13) return 'Too large'
  if ((match[2] ?? '').replace(/0+$/, '').length > scale) return `At most ${scale} decimals`
  return undefined
}

const occurredAt: Check = (value) => {
  const time = typeof value === 'string' && DATE_TIME.test(value) ? Date.parse(value) : Number.NaN
  // From 1970 to one day ahead of the clock, like the server.
  return !(time >= 0 && time <= Date.now() + 86_400_000) && 'Must be an ISO 8601 date-time with offset, 1970 to now'
}

/**
 * Traits (`flat`: scalar values) or properties: an object of bounded keys and
 * size. Deeper rules (nesting depth, string lengths, key names) are left to the
 * server, which reports the event through `onError`; values JSON cannot hold
 * (a bigint) make the event unreadable before it gets here.
 */
const json =
  (flat: boolean): Check =>
  (root, name, report) => {
    if (!isPlainObject(root) || Object.keys(root).length > LIMITS.traitKeys) return `Must be an object of at most ${LIMITS.traitKeys} keys`
    for (const [key, value] of Object.entries(root)) {
      if (flat && typeof value === 'object' && value !== null) report(`${name}.${key}`, 'Must be a string, number, boolean or null')
    }
    return utf8Length(JSON.stringify(root)) > LIMITS.objectBytes && `Must be at most ${LIMITS.objectBytes} bytes as JSON`
  }

/** A strict object: unknown keys are refused, `!` keys are required. */
function object(value: unknown, shape: Shape, path: string, report: Report): void {
  const prefix = path ? `${path}.` : ''
  if (!isPlainObject(value)) {
    report(path, 'Must be an object')
    return
  }
  const [fields, known] = shape
  for (const key of Object.keys(value)) if (!(key in known)) report(prefix + key, 'Unknown field')
  for (const [key, required, check] of fields) {
    const field = value[key]
    const problem = field === undefined ? required && 'Required' : check(field, prefix + key, report)
    if (problem) report(prefix + key, problem)
  }
}

const ignore: Check = () => undefined
const id = text(LIMITS.idLength, 1)
const base: Spec = { type: ignore, eventId: pattern(UUID, 'a UUID'), occurredAt }

const item = compile({
  'productId!': id,
  name: text(512),
  category: text(256),
  quantity: (value) => !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 1e9) && 'Must be an integer from 1 to 1e9',
  unitPrice: (value) => decimalProblem(value, LIMITS.unitPriceDecimals),
})

// The fields purchases and refunds share; `amount` is checked against the currency's decimals below.
const money: Spec = {
  ...base,
  customerId: id,
  'amount!': ignore,
  'currency!': pattern(/^[A-Z]{3}$/, 'an ISO 4217 code, e.g. EUR'),
  items: (value, path, report) => {
    if (!Array.isArray(value) || value.length > LIMITS.purchaseItems) return `Must be a list of at most ${LIMITS.purchaseItems}`
    for (const [index, line] of value.entries()) object(line, item, `${path}.${index}`, report)
  },
  country: text(128),
}

const SHAPES: Record<string, Shape> = {
  identify: compile({ ...base, 'customerId!': id, email: pattern(EMAIL, 'an email address'), name: text(256), phone: text(64), traits: json(true) }),
  track: compile({ ...base, 'customerId!': id, 'name!': text(128, 1), properties: json(false) }),
  purchase: compile({
    ...money,
    'orderId!': id,
    status: (value) => value !== 'completed' && value !== 'refunded' && 'Must be "completed" or "refunded"',
    source: text(128),
    channel: text(128),
  }),
  refund: compile({ 'refundId!': id, orderId: id, ...money, reason: text(512) }),
}

/**
 * Issues of one wire event (`{ type, ...fields }`): an empty list when the
 * server's contract would accept it.
 */
export function validateEvent(event: Record<string, unknown>): Issue[] {
  const issues: Issue[] = []
  const report: Report = (path, message) => issues.push({ path, message })
  const shape = Object.hasOwn(SHAPES, String(event.type)) ? SHAPES[String(event.type)] : undefined
  if (!shape) return [{ path: 'type', message: 'Must be identify, purchase, refund or track' }]
  object(event, shape, '', report)
  const problem = 'amount!' in shape[1] && event.amount !== undefined && decimalProblem(event.amount, currencyExponent(String(event.currency)))
  if (problem) report('amount', problem)
  return issues
}
