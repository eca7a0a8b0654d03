#!/usr/bin/env node
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { importFile } from './import-file.js'

/** The UCI Online Retail export kept beside the repository (541,909 lines, Dec 2010 – Dec 2011). */
const SAMPLE = fileURLToPath(new URL('../../../../shared/data/online-retail.csv.gz', import.meta.url))

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { format: { type: 'string', default: 'online-retail' } },
  allowPositionals: true,
})
const format = values.format === 'generic' ? 'generic' : 'online-retail'
const file = positionals[0] ?? SAMPLE
const key = process.env.RAPPORT_SECRET_KEY
if (!key) {
  console.error('Set RAPPORT_SECRET_KEY to the project secret key (rk_sec_…); see the README.')
  process.exit(2)
}

try {
  const summary = await importFile({
    host: process.env.RAPPORT_HOST ?? 'http://localhost:3000',
    key,
    file,
    format,
    onProgress: (progress) => console.error(`… ${progress.rowsRead.toLocaleString('en-GB')} rows (${progress.rowsPerSecond.toLocaleString('en-GB')} rows/s)`),
  })
  console.log(`Imported ${file}: ${summary.rowsRead.toLocaleString('en-GB')} rows in ${summary.seconds} s`)
  console.log(`  orders     ${summary.orders.imported} new, ${summary.orders.duplicates} already there`)
  console.log(`  refunds    ${summary.refunds.imported} new, ${summary.refunds.duplicates} already there`)
  console.log(`  customers  ${summary.customers.imported} new, ${summary.customers.duplicates} already there`)
  console.log(`  skipped    ${summary.skipped.total}, rejected ${summary.rejected.total}`)
  for (const rejected of summary.rejected.lines.slice(0, 10)) console.log(`    line ${rejected.line}: ${rejected.reason}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
