// Read latency on the imported online-retail dataset: one-year monthly report, trends,
// RFM segments and the first customers page sorted by spend — cold (first read after
// the import builds the rollups) and warm (median and spread of 15 runs).
// Run: node bench/reports.mjs   (after `npx turbo run build --filter=@rapport/server`)
// PostgreSQL when DATABASE_URL is set (a fresh database is created and dropped), else in-memory PGlite.
import { readFileSync } from 'node:fs'
import { ONLINE_RETAIL, startBenchServer } from './lib/bench-server.mjs'

const RUNS = 15

async function timed(url, key) {
  const start = performance.now()
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`)
  return performance.now() - start
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

const bench = await startBenchServer()
try {
  const key = bench.secretKey
  const importStart = performance.now()
  const response = await fetch(`${bench.url}/v1/import?format=online-retail`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/gzip' },
    body: readFileSync(ONLINE_RETAIL),
  })
  const summary = (await response.text()).trim().split('\n').map((line) => JSON.parse(line)).at(-1)
  if (summary?.type !== 'summary') throw new Error(`import failed: ${JSON.stringify(summary)}`)
  console.log(`database   ${bench.kind}`)
  console.log(`import     ${((performance.now() - importStart) / 1000).toFixed(1)} s for ${summary.rowsRead.toLocaleString('en')} rows`)

  const reads = {
    'report (2011, monthly)': `/v1/insights/report?from=2011-01-01&to=2012-01-01&interval=month`,
    'report + comparison + breakdown': `/v1/insights/report?from=2011-01-01&to=2012-01-01&interval=month&compareTo=previous_period&breakdownBy=country`,
    'trends (2011, weekly)': `/v1/insights/trends?from=2011-01-01&to=2012-01-01&interval=week`,
    'segments': `/v1/insights/segments?asOf=2011-12-10`,
    'customers (by spend)': `/v1/customers?sort=totalSpent&order=desc&limit=50`,
  }
  const first = await timed(`${bench.url}${reads['report (2011, monthly)']}`, key)
  console.log(`first report after import (builds rollups): ${first.toFixed(0)} ms`)
  console.log('read                               median    p10     p90  (ms, warm)')
  for (const [label, path] of Object.entries(reads)) {
    await timed(`${bench.url}${path}`, key)
    const times = []
    for (let i = 0; i < RUNS; i++) times.push(await timed(`${bench.url}${path}`, key))
    times.sort((a, b) => a - b)
    console.log(`${label.padEnd(34)} ${quantile(times, 0.5).toFixed(1).padStart(6)} ${quantile(times, 0.1).toFixed(1).padStart(6)} ${quantile(times, 0.9).toFixed(1).padStart(7)}`)
  }
} finally {
  await bench.stop()
}
