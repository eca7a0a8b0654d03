/** Why a row was left out on purpose (it is not a sale), as counted in the summary. */
export type SkipReason = 'bad_debt_adjustment' | 'stock_adjustment'

export const SKIP_REASONS = ['bad_debt_adjustment', 'stock_adjustment'] as const satisfies readonly SkipReason[]

/** What an event made from the file stands for, as counted in the summary. */
export type DocumentKind = 'order' | 'refund' | 'customer'

/**
 * One event made from one or more rows of the file: a raw batch event
 * (`{ type, eventId, … }`) that has not been validated yet, and the file
 * lines it was made from (to report them if it is refused).
 */
export interface ImportDocument {
  kind: DocumentKind
  event: { type: 'identify' | 'purchase' | 'refund'; eventId: string } & Record<string, unknown>
  lines: readonly number[]
}

/** Where a mapper sends what it makes of the rows. */
export interface MapperSink {
  /** Documents that belong together (a customer's first identify and its order) and must be stored in one chunk. */
  emit(documents: readonly ImportDocument[]): void
  skip(reason: SkipReason, line: number): void
  reject(line: number, reason: string): void
}

/** Turns rows into documents. Rows come in file order; `end` flushes what is still open. */
export interface RowMapper {
  row(fields: readonly string[], line: number): void
  end(): void
}

/** What a mapper knows of the project it imports into. */
export interface MapperContext {
  /** The project's currency (the default of the generic format). */
  currency: string
  /** The project's IANA time zone (local times of the generic format are read in it). */
  timezone: string
  /** The header position of each column the format knows, by its canonical name. */
  columns: ReadonlyMap<string, number>
  sink: MapperSink
}

/** A file format: its columns and how its rows become events. */
export interface ImportFormat {
  name: string
  /** Columns the header must have (canonical names). */
  required: readonly string[]
  /** Columns used when present. */
  optional: readonly string[]
  /** Extra header check once the columns are known (e.g. "amount or unit_price"); a message when it fails. */
  checkColumns?(columns: ReadonlyMap<string, number>): string | null
  createMapper(context: MapperContext): RowMapper
}
