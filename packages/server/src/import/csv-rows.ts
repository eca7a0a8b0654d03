import { pipeline } from 'node:stream/promises'
import { parse } from 'csv-parse'
import { AppError } from '../errors.js'

/** A record of the file and the 1-based line it starts on (the header is line 1). */
export interface CsvRow {
  fields: string[]
  line: number
}

function newlinesIn(fields: readonly string[]): number {
  let count = 0
  for (const field of fields) {
    for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) count += 1
  }
  return count
}

function isEmptyLine(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0] === ''
}

/**
 * Streams the records of CSV bytes with csv-parse, each with its line. Lines
 * are counted here (one per record plus the line breaks inside its quoted
 * fields) rather than asked of csv-parse per record, which costs a copy of
 * its state each time. A row with the wrong number of fields is passed on
 * (the mapper rejects it with its line); a break in the CSV syntax itself (a
 * stray quote) ends the import with its line, since csv-parse cannot tell
 * where the next record starts after it.
 */
export async function* csvRows(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<CsvRow> {
  // Empty lines come through as [''] so they are counted, and are then dropped.
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false })
  const feeding = pipeline(bytes, parser)
  feeding.catch(() => {})
  let line = 1
  try {
    for await (const record of parser) {
      const fields = record as string[]
      const start = line
      line += 1 + newlinesIn(fields)
      if (!isEmptyLine(fields)) yield { fields, line: start }
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    const at = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : line
    throw new AppError('validation_error', `The body is not CSV that can be read (line ${at})`, {
      issues: [{ path: `line.${at}`, message: error instanceof Error ? error.message : String(error) }],
    })
  } finally {
    parser.destroy()
  }
  await feeding
}
