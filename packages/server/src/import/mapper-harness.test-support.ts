import { resolveColumns } from './column-map.js'
import type { ImportDocument, ImportFormat, MapperContext, RowMapper, SkipReason } from './import-format.js'

export interface Mapped {
  documents: ImportDocument[]
  /** Documents grouped as emitted (what must share a chunk). */
  groups: ImportDocument[][]
  skipped: Array<{ reason: SkipReason; line: number }>
  rejected: Array<{ line: number; reason: string }>
}

/**
 * Runs a mapper over CSV rows given as arrays (line 1 is the header, the
 * first row line 2), collecting what it emits: the mapper alone, no parsing.
 */
export function mapRows(
  format: ImportFormat,
  header: string[],
  rows: string[][],
  options: { create?: (context: MapperContext) => RowMapper; map?: Map<string, string>; timezone?: string; currency?: string } = {},
): Mapped {
  const mapped: Mapped = { documents: [], groups: [], skipped: [], rejected: [] }
  const context: MapperContext = {
    currency: options.currency ?? 'GBP',
    timezone: options.timezone ?? 'Europe/London',
    columns: resolveColumns(header, format, options.map ?? new Map()),
    sink: {
      emit: (documents) => {
        mapped.groups.push([...documents])
        mapped.documents.push(...documents)
      },
      skip: (reason, line) => mapped.skipped.push({ reason, line }),
      reject: (line, reason) => mapped.rejected.push({ line, reason }),
    },
  }
  const mapper = (options.create ?? format.createMapper)(context)
  rows.forEach((row, index) => {
    mapper.row(row, index + 2)
  })
  mapper.end()
  return mapped
}
