// The first read after a backfill, when the server has had a quiet spell to catch up in the
// background (RAPPORT_REFRESH_QUIET_MS, default 3 s): 50,000 purchases over a year from 4 SDK
// clients (as in bench/ingest.mjs, whose "first read after a run" is the read straight after the
// last batch), then how long after the last acknowledgement nothing is left pending (customer
// changes folded, changed days rebuilt), and the latency of the first read after that next to a
// warm read.
// Run: node bench/background-refresh.mjs [--quick]   (PostgreSQL when DATABASE_URL is set, else PGlite)
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { CompiledQuery } from 'kysely'
import { benchArgs } from './lib/args.mjs'
import { startBenchServer } from './lib/bench-server.mjs'
import { request } from './lib/http.mjs'
import { load } from './lib/machine.mjs'
import { fmt, median, repeat } from './lib/stats.mjs'

const { quick, kinds, clusterUrl } = benchArgs()
const CLIENTS = 4
const EVENTS = { postgres: quick ? 1_000 : 50_000, pglite: quick ? 500 : 10_000 }
const CLIENTS_SCRIPT = fileURLToPath(new URL('./lib/sdk-clients.mjs', import.meta.url))
const READ = '/v1/customers?sort=totalSpent&order=desc&limit=50'

async function pending(bench) {
  const query = CompiledQuery.raw(
    `select (select count(*) from customer_changes where project_id = $1)::int as changes,
       (select count(*) from analytics_changes where project_id = $1)::int as days,
       (select coalesce(sum(orders_count), 0) from customers where project_id = $1)::int as folded`,
    [bench.projectId],
  )
  return (await bench.db.executeQuery(query)).rows[0]
}

async function read(bench) {
  const start = performance.now()
  const response = await request(`${bench.url}${READ}`, { headers: { authorization: `Bearer ${bench.secretKey}` } })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`read: HTTP ${response.status}`)
  return performance.now() - start
}

async function benchBackground(kind) {
  const events = EVENTS[kind]
  console.log(`\n## Background refresh on ${kind}: ${events.toLocaleString('en')} purchases from ${CLIENTS} SDK clients, then no read until it has caught up (load ${load()})`)
  const bench = await startBenchServer({ postgres: kind === 'postgres' ? clusterUrl : false })
  try {
    const input = JSON.stringify({ url: bench.url, key: bench.secretKey, clients: CLIENTS, events, tag: 'bg' })
    const { stdout } = await promisify(execFile)(process.execPath, [CLIENTS_SCRIPT, input], { maxBuffer: 64 * 2 ** 20 })
    const clients = JSON.parse(stdout)
    if (clients.problemCount > 0) throw new Error(`ingestion problems: ${JSON.stringify(clients.problems)}`)
    const acknowledged = performance.now()
    const before = await pending(bench)
    let state = before
    while (state.changes > 0 || state.days > 0 || state.folded !== events) {
      if (performance.now() - acknowledged > 600_000) throw new Error(`background refresh did not catch up: ${JSON.stringify(state)}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
      state = await pending(bench)
    }
    const caughtUp = (performance.now() - acknowledged) / 1000
    const first = await read(bench)
    const warm = await repeat(5, () => read(bench))
    console.log(`  pending at the last acknowledgement: ${before.changes.toLocaleString('en')} customer changes, ${before.days} changed days`)
    console.log(`  caught up ${fmt(caughtUp)} s after the last acknowledgement (of which the quiet spell is 3 s)`)
    console.log(`  first read then ${fmt(first)} ms; warm ${fmt(median(warm))} ms (${fmt(Math.min(...warm))}–${fmt(Math.max(...warm))}, n=5)`)
  } finally {
    await bench.stop()
  }
}

for (const kind of kinds) await benchBackground(kind)
