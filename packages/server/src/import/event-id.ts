import { createHash } from 'node:crypto'

function collectKeys(value: unknown, keys: Set<string>): void {
  if (value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const item of value) collectKeys(item, keys)
    return
  }
  const record = value as Readonly<Record<string, unknown>>
  for (const key in record) {
    keys.add(key)
    collectKeys(record[key], keys)
  }
}

/** True when every object inside has its keys in sorted order already. */
function keysSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true
  if (Array.isArray(value)) {
    for (const item of value) if (!keysSorted(item)) return false
    return true
  }
  const record = value as Readonly<Record<string, unknown>>
  let previous = ''
  for (const key in record) {
    if (key < previous || !keysSorted(record[key])) return false
    previous = key
  }
  return true
}

/**
 * JSON with object keys sorted at every level and `undefined` members left
 * out (as `JSON.stringify` does), so the same content always gives the same
 * text whatever order its fields were set in. Content whose keys are sorted
 * already (the mappers build it so) is written by `JSON.stringify` as is;
 * otherwise an array replacer makes it write the keys in the list's order.
 * For JSON values: strings, numbers, booleans, null, arrays, plain objects.
 */
export function canonicalJson(value: unknown): string {
  if (keysSorted(value)) return JSON.stringify(value) ?? 'null'
  const keys = new Set<string>()
  collectKeys(value, keys)
  return JSON.stringify(value, [...keys].sort()) ?? 'null'
}

/**
 * The event id of an imported document: a version 8 UUID (RFC 9562, custom
 * data) made of the first 128 bits of SHA-256(format, document id, canonical
 * content), with the version and variant bits set.
 *
 * The same file imported twice gives the same ids, so the second run is all
 * duplicates; a corrected line changes the content and so the id, and the new
 * event updates the order it belongs to.
 */
export function importEventId(format: string, documentId: string, content: unknown): string {
  const digest = createHash('sha256').update(`${format}\n${documentId}\n${canonicalJson(content)}`).digest()
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x80
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80
  const hex = digest.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}
