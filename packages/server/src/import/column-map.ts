import type { ApiIssue } from '@rapport/shared'
import { AppError } from '../errors.js'
import type { ImportFormat } from './import-format.js'

/**
 * Reads `ordered_at=Date,order_id=Invoice`: the file's column name for each
 * canonical column the format knows. Throws `validation_error` (path `map`)
 * for a malformed pair or a column the format does not have.
 */
export function parseColumnMap(text: string | undefined, format: ImportFormat): Map<string, string> {
  const map = new Map<string, string>()
  if (text === undefined || text.trim() === '') return map
  const known = new Set([...format.required, ...format.optional])
  const issues: ApiIssue[] = []
  for (const pair of text.split(',')) {
    const separator = pair.indexOf('=')
    const canonical = separator < 0 ? '' : pair.slice(0, separator).trim()
    const header = separator < 0 ? '' : pair.slice(separator + 1).trim()
    if (canonical === '' || header === '') issues.push({ path: 'map', message: `"${pair}" is not column=Header` })
    else if (!known.has(canonical)) {
      issues.push({ path: 'map', message: `The ${format.name} format has no column "${canonical}" (it has ${[...known].join(', ')})` })
    } else map.set(canonical, header)
  }
  if (issues.length > 0) throw new AppError('validation_error', 'The column map is not valid', { issues })
  return map
}

const normalize = (name: string) => name.trim().toLowerCase()

/**
 * Finds each known column in the header (case and surrounding spaces do not
 * matter). Throws `validation_error` naming every missing required column.
 */
export function resolveColumns(header: readonly string[], format: ImportFormat, map: ReadonlyMap<string, string>): Map<string, number> {
  const positions = new Map<string, number>()
  header.forEach((name, index) => {
    const key = normalize(name)
    if (!positions.has(key)) positions.set(key, index)
  })
  const columns = new Map<string, number>()
  const missing: string[] = []
  for (const canonical of [...format.required, ...format.optional]) {
    const expected = map.get(canonical) ?? canonical
    const index = positions.get(normalize(expected))
    if (index !== undefined) columns.set(canonical, index)
    else if (format.required.includes(canonical)) missing.push(expected)
  }
  const issues: ApiIssue[] = missing.map((name) => ({ path: 'header', message: `Missing column "${name}"` }))
  const extra = missing.length === 0 ? (format.checkColumns?.(columns) ?? null) : null
  if (extra) issues.push({ path: 'header', message: extra })
  if (issues.length > 0) {
    const names = missing.length > 0 ? `: missing ${missing.map((name) => `"${name}"`).join(', ')}` : ''
    throw new AppError('validation_error', `The header is not that of a ${format.name} CSV file${names}`, { issues })
  }
  return columns
}
