import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

// Plain-code access to the raw dataset for tests that check our figures against
// it: deliberately independent of the import pipeline (no csv-parse, no mappers).

/** `../shared/data/online-retail.csv.gz`, beside the project root. */
export const ONLINE_RETAIL_CSV = fileURLToPath(new URL('../../../../../shared/data/online-retail.csv.gz', import.meta.url))

/** The file's data lines (header dropped, no trailing empty line). */
export function onlineRetailLines(): string[] {
  const lines = gunzipSync(readFileSync(ONLINE_RETAIL_CSV)).toString('utf8').split('\n').slice(1)
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines
}

/** Splits one CSV line: commas, fields in double quotes with "" inside. The file has no line breaks in fields. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      fields.push(field)
      field = ''
    } else field += char
  }
  fields.push(field)
  return fields
}

/** A decimal string such as "2.55" or "-11062.06" in ten-thousandths. */
export function decimalE4(text: string): bigint {
  const negative = text.startsWith('-')
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.')
  const value = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4))
  return negative ? -value : value
}
