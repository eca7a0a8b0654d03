// Read latency on the imported online-retail dataset: one-year monthly report (also with a
// comparison and a breakdown), trends, RFM segments and the first customers page sorted by spend —
// warm (median and spread of repeated reads) and cold (first read after a server restart) — against
// DuckDB computing the same monthly report from the raw CSV lines in memory.
// Run: node bench/reports.mjs [--quick] [--pglite-only] [--kind=postgres|pglite]   (PostgreSQL when DATABASE_URL is set)
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchImport } from './import.mjs'
import { benchArgs } from './lib/args.mjs'
import { loadDataset } from './lib/dataset.mjs'
import { openDuckDB } from './lib/duckdb-report.mjs'
import { request } from './lib/http.mjs'
import { load } from './lib/machine.mjs'
import { repeat, report } from './lib/stats.mjs'

const REPORT = 'report (2011, monthly)'
const READS = {
  [REPORT]: '/v1/insights/report?from=2011-01-01&to=2012-01-01&interval=month',
  'report + comparison + breakdown': '/v1/insights/report?from=2011-01-01&to=2012-01-01&interval=month&compareTo=previous_period&breakdownBy=country',
  'trends (2011, weekly)': '/v1/insights/trends?from=2011-01-01&to=2012-01-01&interval=week',
  segments: '/v1/insights/segments?asOf=2011-12-10',
  'customers (first page by spend)': '/v1/customers?sort=totalSpent&order=desc&limit=50',
}

async function timed(bench, path) {
  const start = performance.now()
  const response = await request(`${bench.url}${path}`, { headers: { authorization: `Bearer ${bench.secretKey}` } })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`)
  return performance.now() - start
}

/** DuckDB's figures for the dataset: load seconds and report milliseconds (warm). */
export async function benchDuckDB(dataset, runs) {
  const duck = await openDuckDB(dataset.csv, join(tmpdir(), 'rapport-bench-lines.csv'))
  try {
    const loads = await repeat(3, () => duck.load())
    await duck.report()
    const reports = await repeat(runs, async () => (await duck.report()).ms)
    return { loads, reports, cold: loads.map((seconds, run) => seconds * 1000 + (reports[run] ?? 0)) }
  } finally {
    duck.close()
  }
}

/** Warm and cold reads on an imported bench server, against DuckDB's report on the same lines. */
export async function benchReads(bench, duck, { quick }) {
  const runs = quick ? 3 : 15
  console.log(`\n## Reads on ${bench.kind} (load ${load()})`)
  report('DuckDB: load the CSV lines into memory (ms)', duck.loads.map((s) => s * 1000), 'ms')
  report('DuckDB: monthly report from the lines (ms)', duck.reports, 'ms')
  const duckReport = { label: 'DuckDB', values: duck.reports }
  console.log(`  warm, ${runs} reads after one unmeasured:`)
  for (const [label, path] of Object.entries(READS)) {
    await timed(bench, path)
    const times = await repeat(runs, () => timed(bench, path))
    report(label, times, 'ms', label === REPORT ? duckReport : undefined)
  }
  // Each restart is followed by one read of each kind, in the order listed: every read is the
  // first of its kind in a new server process with new database connections (PGlite: a new instance).
  console.log('  cold, the first read of each kind after a server restart (3 restarts):')
  const cold = Object.fromEntries(Object.keys(READS).map((label) => [label, []]))
  for (let restart = 0; restart < 3; restart++) {
    await bench.restart()
    for (const [label, path] of Object.entries(READS)) cold[label].push(await timed(bench, path))
  }
  for (const [label, times] of Object.entries(cold)) {
    report(label, times, 'ms', label === REPORT ? { label: 'DuckDB load + report', values: duck.cold } : undefined)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { quick, kinds, clusterUrl } = benchArgs()
  const dataset = loadDataset({ quick })
  const duck = await benchDuckDB(dataset, quick ? 5 : 15)
  for (const kind of kinds) {
    const bench = await benchImport(kind, clusterUrl, dataset, { quick })
    try {
      await benchReads(bench, duck, { quick })
    } finally {
      await bench.stop()
    }
  }
}
