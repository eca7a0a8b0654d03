import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'

/** The last line of an import's answer (see docs/import.md). */
export interface ImportSummary {
  type: 'summary'
  format: string
  rowsRead: number
  orders: { imported: number; duplicates: number }
  refunds: { imported: number; duplicates: number }
  customers: { imported: number; duplicates: number }
  skipped: { total: number }
  rejected: { total: number; lines: Array<{ line: number; reason: string }> }
  seconds: number
  rowsPerSecond: number
}

interface Progress {
  type: 'progress'
  rowsRead: number
  rowsPerSecond: number
}

interface Failure {
  type: 'error'
  error: { code: string; message: string }
}

export interface ImportOptions {
  host: string
  /** A secret key (`rk_sec_…`); publishable keys cannot import. */
  key: string
  file: string
  format: 'online-retail' | 'generic'
  onProgress?: (progress: Progress) => void
}

/**
 * Streams a CSV file (plain or gzip) to `POST /v1/import` and reads the
 * newline-delimited JSON answer: progress lines, then one summary line.
 */
export async function importFile(options: ImportOptions): Promise<ImportSummary> {
  const { size } = await stat(options.file)
  const response = await fetch(`${options.host.replace(/\/+$/, '')}/v1/import?format=${options.format}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.key}`, 'content-type': 'text/csv', 'content-length': String(size) },
    body: Readable.toWeb(createReadStream(options.file)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit)
  if (!response.ok || !response.body) throw new Error(`import refused: HTTP ${response.status} ${await response.text()}`)

  let buffered = ''
  for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
    buffered += chunk
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines.filter((text) => text.trim() !== '')) {
      const message = JSON.parse(line) as Progress | ImportSummary | Failure
      if (message.type === 'summary') return message
      if (message.type === 'error') throw new Error(`import failed: ${message.error.code}: ${message.error.message}`)
      options.onProgress?.(message)
    }
  }
  throw new Error('the server closed the import without a summary')
}
