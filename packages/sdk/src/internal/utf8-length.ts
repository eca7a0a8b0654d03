/**
 * Bytes of JSON text encoded as UTF-8, without allocating the encoding. Each
 * UTF-16 unit is 1, 2 or 3 bytes, and each half of a surrogate pair 2 (the pair
 * is one 4-byte character). JSON text has no lone surrogates: `JSON.stringify`
 * escapes them.
 */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3
  }
  return bytes
}
