// Predictions on the imported dataset: the revenue forecast, the BG/NBD + Gamma–Gamma fit that
// refreshes every customer's scores, and recommendations when the server has them — wall time and
// the memory the bench process (the server, and PGlite when embedded) needs above its resting RSS.
// Run: node --expose-gc bench/predictions.mjs [--quick] [--pglite-only] [--kind=postgres|pglite]   (PostgreSQL when DATABASE_URL is set)
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { CompiledQuery } from 'kysely'
import { importDataset, startDatasetServer } from './import.mjs'
import { benchArgs } from './lib/args.mjs'
import { loadDataset } from './lib/dataset.mjs'
import { request } from './lib/http.mjs'
import { load } from './lib/machine.mjs'
import { mib, peakRss, resetPeakRss, rss } from './lib/memory.mjs'
import { repeat, report } from './lib/stats.mjs'

const RUNS = 3
const SCORES = fileURLToPath(new URL('../packages/server/src/analytics/customer-scores.ts', import.meta.url))

// The scores refresh runs inside the server after imports and with the RFM refresh; it has no
// route of its own, so the server's module is bundled with esbuild and called on the server's db.
async function loadScores() {
  const outfile = join(tmpdir(), `rapport-customer-scores-${process.pid}.mjs`)
  await build({ entryPoints: [SCORES], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' })
  try {
    return await import(outfile)
  } finally {
    rmSync(outfile)
  }
}

/** Wall time (ms) and memory above the RSS before (MiB) of one call. */
async function measure(fn) {
  globalThis.gc?.()
  // The peak starts again at the RSS of this moment, which is the baseline.
  resetPeakRss()
  const before = peakRss()
  const start = performance.now()
  await fn()
  const peak = peakRss()
  return { ms: performance.now() - start, peak: mib(peak), extra: mib(peak - before) }
}

async function get(bench, path) {
  const response = await request(`${bench.url}${path}`, { headers: { authorization: `Bearer ${bench.secretKey}` } })
  await response.arrayBuffer()
  return response.status
}

function print(label, results) {
  report(label, results.map((result) => result.ms), 'ms')
  report('  peak RSS of the process (MiB)', results.map((result) => result.peak), 'MiB')
  report('  peak RSS above the RSS before (MiB)', results.map((result) => result.extra), 'MiB')
}

/** Prediction figures on an imported bench server. */
export async function benchPredictions(bench) {
  console.log(`\n## Predictions on ${bench.kind} (load ${load()}; resting RSS ${mib(rss()).toFixed(0)} MiB)`)
  const forecast = await repeat(RUNS, () =>
    measure(async () => {
      const status = await get(bench, '/v1/insights/forecast?metric=revenue&interval=day')
      if (status !== 200) throw new Error(`forecast: ${status}`)
    }),
  )
  print('forecast (revenue, daily, 14 days) (ms)', forecast)
  const { recomputeCustomerScores } = await loadScores()
  const [project] = (await bench.db.executeQuery(CompiledQuery.raw('select * from projects where id = $1', [bench.projectId]))).rows
  const scores = await repeat(RUNS, () => measure(() => recomputeCustomerScores(bench.db, project)))
  print('BG/NBD + Gamma–Gamma fit, scores stored (ms)', scores)
  // A project's recommendations are built on the first request and stored for a day: each run
  // deletes the stored set so the request builds it again; then the stored set is read.
  const recommendations = async () => {
    const status = await get(bench, '/v1/insights/recommendations')
    if (status === 404) return false
    if (status !== 200) throw new Error(`recommendations: ${status}`)
    return true
  }
  const forget = () => bench.db.executeQuery(CompiledQuery.raw('delete from recommendations where project_id = $1', [bench.projectId]))
  let available = true
  const built = await repeat(RUNS, async () => {
    if (available) await forget()
    return measure(async () => {
      available = await recommendations()
    })
  })
  if (!available) {
    console.log('  recommendations: no /v1/insights/recommendations in this build — not measured')
    return
  }
  print('recommendations, built and stored (ms)', built)
  const stored = await repeat(RUNS, () => measure(recommendations))
  print('recommendations, the stored set (ms)', stored)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // On its own, one import per database (bench/on-dataset.mjs times the import itself).
  const { quick, kinds, clusterUrl } = benchArgs()
  const dataset = loadDataset({ quick })
  for (const kind of kinds) {
    const bench = await startDatasetServer(kind, clusterUrl)
    try {
      await importDataset(bench, dataset)
      await benchPredictions(bench)
    } finally {
      await bench.stop()
    }
  }
}
