import { issueAfterBulkLoad } from '../analytics/recommendations.service.js'
import { refreshAnalytics } from '../analytics/refresh-analytics.js'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { AppError } from '../errors.js'
import { validateBatchEntry } from '../ingest/validate-event.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { countBytes, gunzipIfNeeded } from './byte-source.js'
import { ChunkWriter, type EventChunk, emptyChunk } from './chunk-writer.js'
import { resolveColumns } from './column-map.js'
import { csvRows } from './csv-rows.js'
import type { ImportDocument, ImportFormat, MapperSink, RowMapper } from './import-format.js'
import { type ImportProgress, type ImportSummary, ImportTally } from './import-summary.js'

export interface ImportOptions {
  /**
   * Events per transaction. Larger chunks mean fewer round trips; the
   * ledger, customer and order statements each take a chunk at once.
   * @default 500
   */
  chunkEvents?: number
  /**
   * Order lines per transaction, whichever limit comes first (an order of
   * 1,000 lines costs more than an identify).
   * @default 10_000
   */
  chunkLines?: number
  /**
   * Chunks written at once, each in its own transaction. 1 for PGlite (one
   * connection); 2 lets PostgreSQL use a second core while this thread parses.
   * @default 1
   */
  writers?: number
  /**
   * Bytes the body may have (compressed if gzip); beyond, the import fails with `payload_too_large`.
   * @default 200 * 1024 * 1024
   */
  maxBytes?: number
  /**
   * Rejected rows listed in the summary (all are counted).
   * @default 100
   */
  maxRejectedLines?: number
  /** Told how far the import is, about every `progressIntervalMs`. */
  onProgress?: (progress: ImportProgress) => void
  /** @default 500 */
  progressIntervalMs?: number
  /** Called once the header has been accepted, before any row is read. */
  onHeader?: () => void
  /** Stops the import (between rows) when aborted, e.g. when the client goes away; what was stored stays. */
  signal?: AbortSignal
}

/** What to import: the format and, optionally, the file's own names of its columns. */
export interface ImportRequest {
  format: ImportFormat
  columnMap?: ReadonlyMap<string, string>
}

function describeIssues(issues: ReadonlyArray<{ path: string; message: string }>): string {
  return issues.map((issue) => `${issue.path.replace(/^events\.\d+\.?/, '') || 'event'}: ${issue.message}`).join('; ')
}

/**
 * Imports a CSV file (plain or gzip) into a project through the same
 * validation and idempotent storage as `POST /v1/batch`: rows → csv-parse →
 * the format's mapper → `validateBatchEntry` → `storeEvents` in chunks, one
 * chunk written while the next is parsed. Resolves with the summary; throws
 * `AppError` for a file it cannot read (bad header, not gzip, too large).
 */
export async function runImport(
  db: Kysely<Database>,
  project: ProjectRow,
  source: AsyncIterable<Uint8Array>,
  request: ImportRequest,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const chunkEvents = options.chunkEvents ?? 500
  const chunkLines = options.chunkLines ?? 10_000
  const progressInterval = options.progressIntervalMs ?? 500
  const onProgress = options.onProgress ?? (() => {})
  const tally = new ImportTally(options.maxRejectedLines ?? 100)
  const receivedAt = new Date()

  let lastProgress = performance.now()
  const reportProgress = () => {
    const now = performance.now()
    if (now - lastProgress < progressInterval) return
    lastProgress = now
    onProgress(tally.progress())
  }

  let chunk = emptyChunk()
  const ready: EventChunk[] = []
  const add = (document: ImportDocument) => {
    const validated = validateBatchEntry(document.event, receivedAt, 0)
    if (!validated.ok) {
      const reason = describeIssues(validated.issues)
      if (document.kind === 'customer') {
        const [line] = document.lines
        if (line !== undefined) tally.reject(line, `The customer's profile is not valid (the order is imported): ${reason}`)
      } else for (const line of document.lines) tally.reject(line, reason)
      return
    }
    chunk.events.push(validated.event)
    chunk.kinds.push(document.kind)
    chunk.lines.push(document.lines)
    chunk.weight += Math.max(1, document.lines.length)
  }
  const sink: MapperSink = {
    emit(documents) {
      for (const document of documents) add(document)
      if (chunk.events.length >= chunkEvents || chunk.weight >= chunkLines) {
        ready.push(chunk)
        chunk = emptyChunk()
      }
    },
    skip: (reason) => tally.skip(reason),
    reject: (line, reason) => tally.reject(line, reason),
  }
  const writer = new ChunkWriter(db, project, tally, { writers: options.writers ?? 1, onStored: reportProgress })

  const bytes = gunzipIfNeeded(
    countBytes(
      (count) => {
        tally.bytesRead += count
      },
      options.maxBytes ?? 200 * 1024 * 1024,
    )(source),
  )
  let mapper: RowMapper | undefined
  let width = 0
  // Also while the loop waits for a write (PGlite shares this thread).
  const timer = setInterval(reportProgress, progressInterval)
  timer.unref()
  try {
    for await (const row of csvRows(bytes)) {
      if (mapper === undefined) {
        const columns = resolveColumns(row.fields, request.format, request.columnMap ?? new Map())
        mapper = request.format.createMapper({ currency: project.currency, timezone: project.timezone, columns, sink })
        width = row.fields.length
        options.onHeader?.()
        continue
      }
      tally.rowsRead += 1
      if ((tally.rowsRead & 255) === 0) options.signal?.throwIfAborted()
      if (row.fields.length !== width) tally.reject(row.line, `The row has ${row.fields.length} fields; the header has ${width}`)
      else mapper.row(row.fields, row.line)
      for (let next = ready.shift(); next !== undefined; next = ready.shift()) await writer.submit(next)
      if ((tally.rowsRead & 255) === 0) reportProgress()
    }
    if (mapper === undefined) {
      throw new AppError('validation_error', 'The file is empty', { issues: [{ path: 'header', message: 'No header row' }] })
    }
    mapper.end()
    ready.push(chunk)
    for (const next of ready) await writer.submit(next)
    await writer.drain()
  } catch (error) {
    // Let a write in flight settle before the caller reports the failure.
    await writer.drain().catch(() => {})
    throw error
  } finally {
    clearInterval(timer)
  }
  const summary = tally.summary(request.format.name)
  // Build the rollups of every imported day now, so the first report after an import is as fast as any other,
  // and issue recommendations (with every customer's next best products) so the first visit does not build them.
  const analyticsStart = performance.now()
  await refreshAnalytics(db, project)
  if (summary.events.accepted > 0) await issueAfterBulkLoad(db, project)
  return { ...summary, analyticsSeconds: Math.round(performance.now() - analyticsStart) / 1000 }
}
