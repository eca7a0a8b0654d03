// Growth: how ingestion and the report cost grow with the data. One server and project; seeded
// synthetic purchases (bench/lib/sdk-clients.mjs: 1–4 lines, 5,000 customers, dates over 2025) are
// sent by 4 SDK clients in steps up to 10k, 100k (and 1M with --with-1m) purchases in all. After
// each step: the step's events/s (acknowledged and counted in the database), then the one-year
// monthly report — the first read (it brings the rollups of the days just changed up to date) and
// the median of 5 warm reads. Linear ingestion = the same events/s at every size; a flat report =
// the same warm latency at every size.
// Run: node bench/growth.mjs [--quick] [--with-1m] [--pglite-only] [--kind=postgres|pglite]
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { CompiledQuery } from 'kysely'
import { benchArgs } from './lib/args.mjs'
import { startBenchServer } from './lib/bench-server.mjs'
import { request } from './lib/http.mjs'
import { load } from './lib/machine.mjs'
import { fmt, median, repeat } from './lib/stats.mjs'

const CLIENTS = 4
const CLIENTS_SCRIPT = fileURLToPath(new URL('./lib/sdk-clients.mjs', import.meta.url))
const REPORT = '/v1/insights/report?from=2025-01-01&to=2026-01-01&interval=month'

/** Cumulative purchase counts measured. */
export function growthSizes({ quick, with1m }) {
  if (quick) return [500, 1_500]
  return with1m ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]
}

async function counted(bench) {
  const query = CompiledQuery.raw('select (select count(*) from purchases where project_id = $1)::int as purchases', [bench.projectId])
  return (await bench.db.executeQuery(query)).rows[0].purchases
}

async function readReport(bench) {
  const start = performance.now()
  const response = await request(`${bench.url}${REPORT}`, { headers: { authorization: `Bearer ${bench.secretKey}` } })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`report: ${response.status}`)
  return performance.now() - start
}

/** Sends `events` more purchases (a tag of their own); seconds until all are acknowledged and counted. */
async function ingestStep(bench, events, tag, expected) {
  const input = JSON.stringify({ url: bench.url, key: bench.secretKey, clients: CLIENTS, events, tag })
  const { stdout } = await promisify(execFile)(process.execPath, [CLIENTS_SCRIPT, input], { maxBuffer: 256 * 2 ** 20 })
  const clients = JSON.parse(stdout)
  const start = performance.now()
  const stored = await counted(bench)
  if (stored !== expected || clients.problemCount > 0) throw new Error(`growth lost purchases: ${JSON.stringify({ stored, expected, problems: clients.problems })}`)
  return clients.seconds + (performance.now() - start) / 1000
}

/** The growth series on one database kind. */
export async function benchGrowth(kind, clusterUrl, { quick, with1m }) {
  const sizes = growthSizes({ quick, with1m })
  console.log(`\n## Growth on ${kind}: ${sizes.map((size) => size.toLocaleString('en')).join(' → ')} purchases from ${CLIENTS} SDK clients (load ${load()})`)
  const bench = await startBenchServer({ postgres: kind === 'postgres' ? clusterUrl : false })
  const rows = []
  try {
    let total = 0
    for (const [step, size] of sizes.entries()) {
      const events = size - total
      const seconds = await ingestStep(bench, events, `g${step}`, size)
      total = size
      const first = await readReport(bench)
      const warm = await repeat(5, () => readReport(bench))
      rows.push({ size, events, seconds, rate: events / seconds, first, warm: median(warm), spread: warm })
      console.log(
        `  ${size.toLocaleString('en').padStart(9)} purchases: +${events.toLocaleString('en')} in ${fmt(seconds)} s = ${fmt(events / seconds)} events/s (${fmt((seconds / events) * 1e6)} µs each); report first ${fmt(first)} ms, warm ${fmt(median(warm))} ms (${fmt(Math.min(...warm))}–${fmt(Math.max(...warm))}, n=5)   (load ${load()})`,
      )
    }
  } finally {
    await bench.stop()
  }
  const [base] = rows
  for (const row of rows.slice(1)) {
    const scale = row.size / base.size
    console.log(
      `  ${scale}× the data (${base.size.toLocaleString('en')} → ${row.size.toLocaleString('en')}): ingestion time per event ${fmt(row.seconds / row.events / (base.seconds / base.events))}× (linear = 1), report warm ${fmt(row.warm / base.warm)}×, first ${fmt(row.first / base.first)}× (flat = 1; a scan would be ${scale}×)`,
    )
  }
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { quick, kinds, clusterUrl } = benchArgs()
  const with1m = process.argv.includes('--with-1m')
  for (const kind of kinds) await benchGrowth(kind, clusterUrl, { quick, with1m })
}
