/** `POST /v1/import`: the file streamed up, NDJSON progress lines streamed back, then the summary. */

export interface ImportProgress {
  type: 'progress'
  rowsRead: number
  bytesRead: number
  eventsStored: number
  rowsPerSecond: number
  seconds: number
}

interface Counts {
  imported: number
  duplicates: number
}

export interface ImportSummary {
  type: 'summary'
  format: string
  rowsRead: number
  bytesRead: number
  orders: Counts
  refunds: Counts
  customers: Counts
  events: { accepted: number; duplicates: number }
  skipped: { total: number; bad_debt_adjustment: number; stock_adjustment: number }
  rejected: { total: number; lines: Array<{ line: number; reason: string }> }
  seconds: number
  rowsPerSecond: number
}

/** An import refused or stopped, with the server's code and field issues. */
export class ImportError extends Error {
  override name = 'ImportError'
  constructor(
    message: string,
    readonly code: string,
    readonly issues: Array<{ path: string; message: string }> = [],
    readonly status?: number,
  ) {
    super(message)
  }
}

export interface UploadImportOptions {
  projectId: string
  format: 'online-retail' | 'generic'
  /** `canonical=Header` pairs, comma-separated. */
  map?: string | undefined
  file: Blob
  onProgress: (progress: ImportProgress) => void
  signal?: AbortSignal | undefined
}

interface ErrorBody {
  error?: { code?: string; message?: string; issues?: Array<{ path: string; message: string }> }
}

function toError(body: ErrorBody, status?: number): ImportError {
  return new ImportError(body.error?.message ?? 'The import failed', body.error?.code ?? 'internal_error', body.error?.issues ?? [], status)
}

/** Splits a byte stream into JSON lines. */
async function* jsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (value) buffer += decoder.decode(value, { stream: true })
    let newline = buffer.indexOf('\n')
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim()
      buffer = buffer.slice(newline + 1)
      if (line) yield JSON.parse(line)
      newline = buffer.indexOf('\n')
    }
    if (done) break
  }
  if (buffer.trim()) yield JSON.parse(buffer)
}

export async function uploadImport(options: UploadImportOptions): Promise<ImportSummary> {
  const query = new URLSearchParams({ format: options.format, projectId: options.projectId })
  if (options.map?.trim()) query.set('map', options.map.trim())
  const response = await fetch(`/v1/import?${query}`, {
    method: 'POST',
    body: options.file,
    headers: { 'content-type': 'text/csv' },
    credentials: 'same-origin',
    signal: options.signal ?? null,
  })
  if (!response.ok || !response.body) throw toError((await response.json().catch(() => ({}))) as ErrorBody, response.status)
  // Once started, a failure arrives as a last line `{ type: 'error', error: { code, message, issues } }`.
  for await (const line of jsonLines(response.body)) {
    const message = line as { type?: string }
    if (message.type === 'progress') options.onProgress(line as ImportProgress)
    else if (message.type === 'summary') return line as ImportSummary
    else if (message.type === 'error') throw toError(line as ErrorBody)
  }
  throw new ImportError('The connection closed before the import finished; run it again to resume', 'unavailable')
}
