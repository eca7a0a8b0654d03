import { z } from 'zod'
import { isCurrencyCode } from '../currency.js'
import { LIMITS } from '../limits.js'

// PostgreSQL cannot store NUL in text, and lone UTF-16 surrogates cannot be
// encoded as UTF-8 without being replaced: both would be silently corrupted.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** True when a string can be stored and read back byte-for-byte. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value)
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** A string of bounded length that survives storage unchanged. */
export function text(max: number, min = 0) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine(isStorableText, { message: 'Contains a NUL character or an unpaired UTF-16 surrogate' })
}

/** An id chosen by the app (customer id, order id, product id): 1–256 characters. */
export const externalId = text(LIMITS.idLength, 1)

/** Event id: a UUID made by the SDK or the caller; the server ignores an id it has seen. */
export const eventId = z.uuid({ message: 'Must be a UUID' })

const EARLIEST = Date.UTC(1970, 0, 1)
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000

/**
 * When the event happened: an ISO 8601 date-time with `Z` or an offset.
 * Accepted from 1970 up to one day ahead of the server's clock (skewed clocks).
 */
export const occurredAt = z
  .string()
  .pipe(z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 date-time with Z or an offset' }))
  .refine(
    (value) => {
      const time = Date.parse(value)
      return Number.isFinite(time) && time >= EARLIEST && time <= Date.now() + FUTURE_TOLERANCE_MS
    },
    { message: 'Must be between 1970-01-01 and one day from now' },
  )

/** ISO 4217 currency code in upper case, e.g. `EUR`. */
export const currencyCode = z
  .string()
  .refine(isCurrencyCode, { message: 'Must be an ISO 4217 currency code in upper case, e.g. EUR' })

/** A JSON scalar allowed as a trait value. */
export type TraitValue = string | number | boolean | null

/** A JSON value allowed inside track properties. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

interface ObjectRules {
  flat: boolean
  maxKeys: number
}

/**
 * Walks a parsed JSON object without recursion (hostile input may nest
 * thousands of levels) and reports the first rule it breaks, with its path.
 */
function checkJsonObject(root: Record<string, unknown>, rules: ObjectRules): { path: (string | number)[]; message: string } | null {
  if (Object.keys(root).length > rules.maxKeys) return { path: [], message: `At most ${rules.maxKeys} keys` }
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value: root, path: [] }]
  while (stack.length > 0) {
    const item = stack.pop()
    if (!item) break
    const { value, path } = item
    if (path.length > LIMITS.propertiesDepth) return { path, message: `Nested deeper than ${LIMITS.propertiesDepth} levels` }
    if (value === null || typeof value === 'boolean') continue
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { path, message: 'Numbers must be finite' }
      continue
    }
    if (typeof value === 'string') {
      if (value.length > LIMITS.stringValueLength) return { path, message: `Strings are at most ${LIMITS.stringValueLength} characters` }
      if (!isStorableText(value)) return { path, message: 'Contains a NUL character or an unpaired UTF-16 surrogate' }
      continue
    }
    const isArray = Array.isArray(value)
    if (typeof value !== 'object' || (rules.flat && path.length > 0)) {
      return { path, message: rules.flat ? 'Trait values must be a string, number, boolean or null' : 'Not a JSON value' }
    }
    if (isArray) {
      value.forEach((child, index) => {
        stack.push({ value: child, path: [...path, index] })
      })
      continue
    }
    for (const [key, child] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { path: [...path, key], message: `The key "${key}" is not allowed` }
      if (key.length === 0 || key.length > LIMITS.keyLength) return { path: [...path, key], message: `Keys are 1–${LIMITS.keyLength} characters` }
      if (!isStorableText(key)) return { path, message: 'A key contains a NUL character or an unpaired UTF-16 surrogate' }
      stack.push({ value: child, path: [...path, key] })
    }
  }
  if (new TextEncoder().encode(JSON.stringify(root)).length > LIMITS.objectBytes) {
    return { path: [], message: `At most ${LIMITS.objectBytes} bytes as JSON` }
  }
  return null
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Checked on the raw parsed JSON rather than through z.record: copying keys
// into a fresh object would turn an own "__proto__" key into a prototype
// change and hide it from the check.
function jsonObject<T>(rules: ObjectRules) {
  return z
    .custom<Record<string, T>>(isPlainObject, { message: 'Must be a JSON object' })
    .check((ctx) => {
      const problem = checkJsonObject(ctx.value, rules)
      if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, path: problem.path, message: problem.message })
    })
}

/** Profile traits: a flat object of scalars, at most 100 keys and 16 KB. */
export const traits = jsonObject<TraitValue>({ flat: true, maxKeys: LIMITS.traitKeys })

/** Event properties: a JSON object nested at most 5 levels, at most 16 KB. */
export const properties = jsonObject<JsonValue>({ flat: false, maxKeys: LIMITS.traitKeys })
