import { z } from 'zod'
import type { DocumentKind, SkipReason } from './import-format.js'

const counts = z.object({
  /** Stored by this import. */
  imported: z.int(),
  /** Already stored by an earlier import of the same content: nothing changed. */
  duplicates: z.int(),
})

/** The last line of `POST /v1/import` and what `rapport import --json` prints. */
export const importSummarySchema = z.object({
  type: z.literal('summary'),
  format: z.string(),
  /** Data rows read (the header is not counted). */
  rowsRead: z.int(),
  /** Bytes received, compressed if the file was gzip. */
  bytesRead: z.int(),
  orders: counts,
  refunds: counts,
  /** Customer profiles (`identify` events) made from the file. */
  customers: counts,
  events: z.object({ accepted: z.int(), duplicates: z.int() }),
  /** Rows that are not sales, left out on purpose, by reason. */
  skipped: z.object({ total: z.int(), bad_debt_adjustment: z.int(), stock_adjustment: z.int() }),
  /** Rows that could not be imported: `lines` lists the first 100 (1-based file lines; the header is line 1). */
  rejected: z.object({
    total: z.int(),
    lines: z.array(z.object({ line: z.int(), reason: z.string() })),
  }),
  seconds: z.number(),
  rowsPerSecond: z.number(),
  /** Time spent afterwards bringing reports up to date with the imported days (not in `seconds`). */
  analyticsSeconds: z.number(),
})
export type ImportSummary = z.output<typeof importSummarySchema>

/** A progress line of `POST /v1/import`, sent about every half second. */
export const importProgressSchema = z.object({
  type: z.literal('progress'),
  rowsRead: z.int(),
  bytesRead: z.int(),
  eventsStored: z.int(),
  rowsPerSecond: z.number(),
  seconds: z.number(),
})
export type ImportProgress = z.output<typeof importProgressSchema>

/** Running totals of an import; `summary()` freezes them. */
export class ImportTally {
  rowsRead = 0
  bytesRead = 0
  eventsStored = 0
  readonly #maxRejected: number
  readonly #started = performance.now()
  readonly #kinds: Record<DocumentKind, { imported: number; duplicates: number }> = {
    order: { imported: 0, duplicates: 0 },
    refund: { imported: 0, duplicates: 0 },
    customer: { imported: 0, duplicates: 0 },
  }
  readonly #skipped: Record<SkipReason, number> = { bad_debt_adjustment: 0, stock_adjustment: 0 }
  #rejectedTotal = 0
  readonly #rejected: Array<{ line: number; reason: string }> = []

  constructor(maxRejected: number) {
    this.#maxRejected = maxRejected
  }

  stored(kind: DocumentKind, status: 'accepted' | 'duplicate'): void {
    this.eventsStored += 1
    if (status === 'accepted') this.#kinds[kind].imported += 1
    else this.#kinds[kind].duplicates += 1
  }

  skip(reason: SkipReason): void {
    this.#skipped[reason] += 1
  }

  reject(line: number, reason: string): void {
    this.#rejectedTotal += 1
    this.#rejected.push({ line, reason })
    // Rows are rejected a little out of order (orders close late): keep the lowest lines.
    if (this.#rejected.length >= 2 * this.#maxRejected) this.#trimRejected()
  }

  #trimRejected(): void {
    this.#rejected.sort((a, b) => a.line - b.line)
    this.#rejected.length = Math.min(this.#rejected.length, this.#maxRejected)
  }

  seconds(): number {
    return (performance.now() - this.#started) / 1000
  }

  progress(): ImportProgress {
    const seconds = this.seconds()
    return {
      type: 'progress',
      rowsRead: this.rowsRead,
      bytesRead: this.bytesRead,
      eventsStored: this.eventsStored,
      rowsPerSecond: seconds > 0 ? Math.round(this.rowsRead / seconds) : 0,
      seconds: Math.round(seconds * 10) / 10,
    }
  }

  summary(format: string): Omit<ImportSummary, 'analyticsSeconds'> {
    this.#trimRejected()
    const kinds = Object.values(this.#kinds)
    const seconds = this.seconds()
    return {
      type: 'summary',
      format,
      rowsRead: this.rowsRead,
      bytesRead: this.bytesRead,
      orders: { ...this.#kinds.order },
      refunds: { ...this.#kinds.refund },
      customers: { ...this.#kinds.customer },
      events: {
        accepted: kinds.reduce((sum, kind) => sum + kind.imported, 0),
        duplicates: kinds.reduce((sum, kind) => sum + kind.duplicates, 0),
      },
      skipped: { total: this.#skipped.bad_debt_adjustment + this.#skipped.stock_adjustment, ...this.#skipped },
      rejected: { total: this.#rejectedTotal, lines: [...this.#rejected] },
      seconds: Math.round(seconds * 1000) / 1000,
      rowsPerSecond: seconds > 0 ? Math.round(this.rowsRead / seconds) : 0,
    }
  }
}
