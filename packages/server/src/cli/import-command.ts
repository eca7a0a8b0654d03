import { createReadStream, statSync } from 'node:fs'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'

const USAGE = `Usage: rapport import <file.csv | file.csv.gz> --key <secret key> --format online-retail|generic
                      [--map column=Header,…] [--host http://localhost:3000] [--json]

Streams a CSV file (plain or gzip) to POST /v1/import of a Rapport server and
prints a summary: orders, refunds and customers imported, rows skipped as
duplicates or not sales, rows rejected with their line numbers. Importing the
same file again adds nothing. Formats and columns: docs/import.md.`

/** Where the command writes progress; injectable for tests. */
export interface ImportCommandIo {
  stderr: { write(text: string): unknown; isTTY?: boolean }
}

interface Progress {
  type: 'progress'
  rowsRead: number
  bytesRead: number
  rowsPerSecond: number
  seconds: number
}

interface Summary {
  type: 'summary'
  format: string
  rowsRead: number
  orders: { imported: number; duplicates: number }
  refunds: { imported: number; duplicates: number }
  customers: { imported: number; duplicates: number }
  skipped: { total: number; bad_debt_adjustment: number; stock_adjustment: number }
  rejected: { total: number; lines: Array<{ line: number; reason: string }> }
  seconds: number
  rowsPerSecond: number
}

interface ErrorLine {
  type?: 'error'
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }> }
}

type ServerLine = Progress | Summary | ErrorLine

const number = (value: number) => value.toLocaleString('en-US')

function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds))
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

/** One progress line: bar, rows, rows/s and ETA from the share of the file the server has read. */
export function progressLine(progress: Progress, fileBytes: number, width = 24): string {
  const share = fileBytes > 0 ? Math.min(1, progress.bytesRead / fileBytes) : 0
  const filled = Math.round(share * width)
  const eta = share > 0 && share < 1 ? clock((progress.seconds * (1 - share)) / share) : '–'
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${number(progress.rowsRead)} rows  ${number(progress.rowsPerSecond)} rows/s  ETA ${eta}`
}

/** The summary as a small table for people. */
export function summaryTable(summary: Summary, file: string): string[] {
  const row = (label: string, counts: { imported: number; duplicates: number }) =>
    `  ${label.padEnd(10)} ${number(counts.imported).padStart(10)} ${number(counts.duplicates).padStart(12)}`
  const lines = [
    `Imported ${file} (${summary.format}): ${number(summary.rowsRead)} rows in ${summary.seconds.toFixed(1)} s, ${number(summary.rowsPerSecond)} rows/s`,
    `  ${''.padEnd(10)} ${'imported'.padStart(10)} ${'duplicates'.padStart(12)}`,
    row('orders', summary.orders),
    row('refunds', summary.refunds),
    row('customers', summary.customers),
    `  skipped    ${number(summary.skipped.total).padStart(10)}   not sales: ${number(summary.skipped.bad_debt_adjustment)} bad-debt adjustments, ${number(summary.skipped.stock_adjustment)} stock adjustments`,
    `  rejected   ${number(summary.rejected.total).padStart(10)}`,
  ]
  for (const rejected of summary.rejected.lines) lines.push(`    line ${rejected.line}: ${rejected.reason}`)
  if (summary.rejected.total > summary.rejected.lines.length) lines.push(`    … and ${number(summary.rejected.total - summary.rejected.lines.length)} more`)
  return lines
}

function describeError(line: ErrorLine): string {
  const issues = (line.error.issues ?? []).map((issue) => `\n  ${issue.path}: ${issue.message}`).join('')
  return `${line.error.message} (${line.error.code})${issues}`
}

/** Posts the file as a stream and calls `onLine` for each NDJSON line of the answer. */
function postFile(url: URL, file: string, key: string, onLine: (line: ServerLine, status: number) => void): Promise<number> {
  const parse = (text: string, status: number) => {
    try {
      onLine(JSON.parse(text) as ServerLine, status)
    } catch {
      // Not ours (a proxy's HTML page): show its start.
      onLine({ error: { code: `http_${status}`, message: text.slice(0, 200) } }, status)
    }
  }
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const req = send(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': file.endsWith('.gz') ? 'application/gzip' : 'text/csv',
        'content-length': String(statSync(file).size),
      },
    })
    req.on('error', reject)
    req.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0
      let buffered = ''
      response.setEncoding('utf8')
      response.on('data', (text: string) => {
        buffered += text
        for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
          const line = buffered.slice(0, end).trim()
          buffered = buffered.slice(end + 1)
          if (line !== '') parse(line, status)
        }
      })
      response.on('end', () => {
        if (buffered.trim() !== '') parse(buffered.trim(), status)
        resolve(status)
      })
      response.on('error', reject)
    })
    const body = createReadStream(file)
    body.on('error', (error) => req.destroy(error))
    body.pipe(req)
  })
}

/** `rapport import`: streams a CSV file to POST /v1/import with a progress bar, then prints the summary. */
export async function importCommand(argv: string[], out: (line: string) => void, io: ImportCommandIo = { stderr: process.stderr }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      key: { type: 'string' },
      format: { type: 'string' },
      map: { type: 'string' },
      host: { type: 'string', default: 'http://localhost:3000' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  })
  const [file] = positionals
  if (values.help || !file || !values.key || !values.format || positionals.length > 1) {
    out(USAGE)
    return values.help ? 0 : 2
  }
  const url = new URL('/v1/import', values.host)
  url.searchParams.set('format', values.format)
  if (values.map) url.searchParams.set('map', values.map)
  const fileBytes = statSync(file).size
  const tty = io.stderr.isTTY === true
  let lastPlain = 0
  let summary: Summary | undefined
  let failure: string | undefined
  const onLine = (line: ServerLine, status: number) => {
    if ('type' in line && line.type === 'progress') {
      if (tty) io.stderr.write(`\r${progressLine(line, fileBytes)}`)
      else if (line.seconds - lastPlain >= 5) {
        lastPlain = line.seconds
        io.stderr.write(`${progressLine(line, fileBytes)}\n`)
      }
    } else if ('type' in line && line.type === 'summary') summary = line
    else if ('error' in line) failure = `${status >= 400 ? `HTTP ${status}: ` : ''}${describeError(line)}`
  }
  try {
    await postFile(url, file, values.key, onLine)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    failure = `Cannot send the file to ${values.host}: ${reason}`
  }
  if (tty) io.stderr.write('\r\x1b[K')
  if (!summary) {
    io.stderr.write(`rapport import: ${failure ?? 'the server ended the answer without a summary'}\n`)
    return 1
  }
  if (values.json) out(JSON.stringify(summary, null, 2))
  else for (const line of summaryTable(summary, basename(file))) out(line)
  return 0
}
