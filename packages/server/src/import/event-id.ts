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

/**
 * JSON with object keys sorted at every level and `undefined` members left
 * out, so the same content always gives the same text whatever order its
 * fields were set in. (An array replacer makes `JSON.stringify` write the
 * listed keys in the list's order, at every level: natively, and fast.)
 * For JSON values (what the mappers build): strings, numbers, booleans,
 * null, arrays and plain objects.
 */
export function canonicalJson(value: unknown): string {
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
