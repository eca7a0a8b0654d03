import { pipeline } from 'node:stream/promises'
import { type Options, parse } from 'csv-parse'
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

/**
 * Streams the records of CSV bytes with csv-parse. A record csv-parse cannot
 * read (a stray quote) is reported to `onBadRecord` with its line and
 * skipped rather than ending the import; a file that is not text at all
 * fails on its header instead.
 */
export async function* csvRows(bytes: AsyncIterable<Uint8Array>, onBadRecord: (line: number, reason: string) => void): AsyncGenerator<CsvRow> {
  const options: Options<CsvRow, string[]> = {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // `lines` is where the record ends; a quoted field may span lines.
    on_record: (record, context) => ({ fields: record, line: context.lines - newlinesIn(record) }),
  }
  // csv-parse's non-generic overload types records as string[]; on_record makes them CsvRow.
  const parser = parse(options as unknown as Options)
  parser.on('skip', (error: { lines?: number; message?: string }) => {
    onBadRecord(error.lines ?? 0, `Not valid CSV: ${error.message ?? 'unreadable record'}`)
  })
  const feeding = pipeline(bytes, parser)
  feeding.catch(() => {})
  try {
    for await (const row of parser) yield row as CsvRow
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('validation_error', 'The body is not a CSV file that can be read', {
      issues: [{ path: 'body', message: error instanceof Error ? error.message : String(error) }],
    })
  } finally {
    parser.destroy()
  }
  await feeding
}
