// Import of online-retail.csv.gz through POST /v1/import (what `rapport import` calls) — rows/s
// against COPY of the same CSV lines into a table of their own, and against loading the rows the
// import stored into a fresh database of the same schema (COPY and multi-row INSERT on PostgreSQL,
// multi-row INSERT on PGlite).
// Run: node bench/import.mjs [--quick] [--pglite-only] [--kind=postgres|pglite]   (PostgreSQL when DATABASE_URL is set)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchArgs } from './lib/args.mjs'
import { startBenchServer } from './lib/bench-server.mjs'
import { loadDataset } from './lib/dataset.mjs'
import { request } from './lib/http.mjs'
import { load } from './lib/machine.mjs'
import { adminQuery } from './lib/postgres.mjs'
import { clear, copyLoad, copyScript, extractRows, insertLoad, rowCount } from './lib/reference-load.mjs'
import { fmt, median, repeat, report } from './lib/stats.mjs'

const RUNS = 3
const LINES_TABLE = `create table retail_lines (invoice_no text, stock_code text, description text, quantity integer,
  invoice_date timestamp, unit_price numeric, customer_id text, country text)`

/** Imports the dataset; the import's own seconds exclude the rollups it builds afterwards. */
export async function importDataset(bench, dataset) {
  const start = performance.now()
  const response = await request(`${bench.url}/v1/import?format=online-retail`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bench.secretKey}`, 'content-type': 'application/gzip' },
    body: dataset.gzip,
  })
  const summary = (await response.text()).trim().split('\n').map((line) => JSON.parse(line)).at(-1)
  const seconds = (performance.now() - start) / 1000
  if (response.status !== 200 || summary?.type !== 'summary') throw new Error(`import failed: ${response.status} ${JSON.stringify(summary)}`)
  return { summary, seconds, importSeconds: seconds - summary.analyticsSeconds }
}

/**
 * A bench server for the dataset benchmarks: PostgreSQL on the cluster, or PGlite in a directory
 * (so reads can be timed after a restart).
 */
export async function startDatasetServer(kind, clusterUrl) {
  if (kind === 'postgres') return startBenchServer({ postgres: clusterUrl })
  const directory = mkdtempSync(join(tmpdir(), 'rapport-bench-'))
  const bench = await startBenchServer({ postgres: false, pgliteDirectory: directory })
  const stop = bench.stop
  bench.stop = async () => {
    await stop()
    rmSync(directory, { recursive: true, force: true })
  }
  return bench
}

/** Import figures and references on one database kind; returns the server of the last run, imported. */
export async function benchImport(kind, clusterUrl, dataset, { quick }) {
  console.log(`\n## Import on ${kind}: ${dataset.lines.toLocaleString('en')} lines through POST /v1/import (load ${load()})`)
  // Quick mode saves server starts (PGlite's take seconds): one server, a project per run, the
  // server's own project last (the reads restart that server).
  const shared = quick ? await startDatasetServer(kind, clusterUrl) : undefined
  const server = (run) => (shared ? (run === RUNS - 1 ? shared : shared.addProject()) : startDatasetServer(kind, clusterUrl))
  let last
  const runs = await repeat(RUNS, async (run) => {
    const bench = await server(run)
    const result = await importDataset(bench, dataset)
    if (run < RUNS - 1) await bench.stop()
    else last = bench
    return result
  })
  const { summary } = runs[0]
  console.log(`  ${summary.events.accepted.toLocaleString('en')} events accepted; rollups, RFM and predictions after the import: ${runs.map((run) => fmt(run.summary.analyticsSeconds)).join(' / ')} s`)
  const rowsPerSecond = runs.map((run) => run.summary.rowsRead / run.importSeconds)
  const reference = shared ? await shared.addProject() : await startBenchServer({ postgres: kind === 'postgres' ? clusterUrl : false })
  try {
    const tables = await extractRows(last.db, last.projectId, reference.projectId)
    console.log(`  stored rows: ${tables.map((table) => `${table.table} ${table.rows.length.toLocaleString('en')}`).join(', ')} = ${rowCount(tables).toLocaleString('en')}`)
    const insert = await repeat(RUNS, async () => {
      await clear(reference)
      return dataset.lines / (await insertLoad(reference.db, tables))
    })
    if (kind === 'postgres') {
      await adminQuery(reference.databaseUrl, LINES_TABLE)
      const linesScript = `copy retail_lines from stdin with (format csv, header true);\n${dataset.csv.toString('utf8')}\\.\n`
      const lines = await repeat(RUNS, async () => {
        await adminQuery(reference.databaseUrl, 'truncate retail_lines')
        return dataset.lines / (await copyLoad(reference.databaseUrl, linesScript))
      })
      const script = copyScript(tables)
      const stored = await repeat(RUNS, async () => {
        await clear(reference)
        return dataset.lines / (await copyLoad(reference.databaseUrl, script))
      })
      report('import, lines/s (without the rollups)', rowsPerSecond, 'lines/s', { label: 'COPY of the lines', values: lines })
      report('COPY of the CSV lines into one table', lines, 'lines/s')
      report('COPY of the rows the import stored', stored, 'lines/s')
      report('multi-row INSERT of the rows it stored', insert, 'lines/s')
      console.log(`  import = ${fmt(median(rowsPerSecond) / median(stored))} × COPY of its stored rows, ${fmt(median(rowsPerSecond) / median(insert))} × their multi-row INSERT`)
    } else {
      report('import, lines/s (without the rollups)', rowsPerSecond, 'lines/s', { label: 'multi-row INSERT', values: insert })
      report('multi-row INSERT of the rows it stored', insert, 'lines/s')
    }
    report('import wall time with rollups (s)', runs.map((run) => run.seconds), 's')
  } finally {
    await reference.stop()
  }
  return last
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { quick, kinds, clusterUrl } = benchArgs()
  const dataset = loadDataset({ quick })
  for (const kind of kinds) await (await benchImport(kind, clusterUrl, dataset, { quick })).stop()
}
