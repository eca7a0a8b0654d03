/** Bytes of `text` encoded as UTF-8, without allocating the encoding. */
export function utf8Length(text: string): number {
  let bytes = 0
  // By code point: a surrogate pair counts once, as 4 bytes; a lone surrogate
  // (which `JSON.stringify` never emits) as the 3 bytes of its replacement.
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}
