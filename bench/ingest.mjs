// Ingestion end to end: several SDK clients (a child process) → HTTP → validation → idempotent
// write, until every event is acknowledged and counted in the database — against loading the very
// rows it stored into a fresh database of the same schema by COPY and by multi-row INSERT … ON
// CONFLICT DO NOTHING (PostgreSQL), or by multi-row INSERT (PGlite).
// Run: node bench/ingest.mjs [--quick] [--pglite-only] [--kind=postgres|pglite]   (PostgreSQL when DATABASE_URL is set)
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { CompiledQuery } from 'kysely'
import { benchArgs } from './lib/args.mjs'
import { request } from './lib/http.mjs'
import { startBenchServer } from './lib/bench-server.mjs'
import { mib, peakRss, resetPeakRss } from './lib/memory.mjs'
import { load } from './lib/machine.mjs'
import { clear, copyLoad, copyScript, extractRows, insertLoad, rowCount } from './lib/reference-load.mjs'
import { fmt, median, quantile, repeat, report } from './lib/stats.mjs'

const { quick, kinds, clusterUrl } = benchArgs()
const RUNS = 3
const CLIENTS = 4
const EVENTS = { postgres: quick ? 1_000 : 50_000, pglite: quick ? 500 : 10_000 }
const CLIENTS_SCRIPT = fileURLToPath(new URL('./lib/sdk-clients.mjs', import.meta.url))

async function count(bench) {
  const query = CompiledQuery.raw('select (select count(*) from events where project_id = $1)::int as events, (select count(*) from purchases where project_id = $1)::int as purchases', [
    bench.projectId,
  ])
  return (await bench.db.executeQuery(query)).rows[0]
}

/** One ingestion run on a fresh database: seconds until all events are acknowledged and counted. */
async function ingestRun(bench, events, run) {
  resetPeakRss()
  const input = JSON.stringify({ url: bench.url, key: bench.secretKey, clients: CLIENTS, events, tag: `r${run}` })
  const { stdout } = await promisify(execFile)(process.execPath, [CLIENTS_SCRIPT, input], { maxBuffer: 64 * 2 ** 20 })
  const clients = JSON.parse(stdout)
  const start = performance.now()
  const stored = await count(bench)
  const seconds = clients.seconds + (performance.now() - start) / 1000
  if (stored.events !== events || stored.purchases !== events || clients.problemCount > 0) {
    throw new Error(`ingestion lost events: ${JSON.stringify({ stored, expected: events, problems: clients.problems })}`)
  }
  return { bench, seconds, latencies: clients.latencies, peak: peakRss(), ...(await firstRead(bench, events)) }
}

/**
 * Ingestion leaves work to the first read: folding the batches' customer changes into the totals
 * and rebuilding the changed days' rollups. Timed apart (not in the throughput), and checked: the
 * folded totals must count every order.
 */
async function firstRead(bench, events) {
  const pending = CompiledQuery.raw('select count(*)::int as n from customer_changes where project_id = $1', [bench.projectId])
  const changes = (await bench.db.executeQuery(pending)).rows[0].n
  const start = performance.now()
  const response = await request(`${bench.url}/v1/customers?sort=totalSpent&order=desc&limit=50`, { headers: { authorization: `Bearer ${bench.secretKey}` } })
  if (response.status !== 200) throw new Error(`first read: HTTP ${response.status}`)
  await response.json()
  const readMs = performance.now() - start
  const folded = CompiledQuery.raw('select coalesce(sum(orders_count), 0)::int as orders from customers where project_id = $1', [bench.projectId])
  const { orders } = (await bench.db.executeQuery(folded)).rows[0]
  if (orders !== events) throw new Error(`customer totals count ${orders} orders, not ${events}`)
  return { readMs, changes }
}

/** Ingestion figures and their references on one database kind. */
export async function benchIngest(kind, clusterUrl) {
  const events = EVENTS[kind]
  const postgres = kind === 'postgres' ? clusterUrl : false
  console.log(`\n## Ingestion on ${kind}: ${events.toLocaleString('en')} purchases from ${CLIENTS} SDK clients (load ${load()})`)
  // Quick mode saves server starts (PGlite's take seconds): one server, a project per run.
  const shared = quick ? await startBenchServer({ postgres }) : undefined
  const server = () => (shared ? shared.addProject() : startBenchServer({ postgres }))
  // The last run's database is the source of the references; earlier ones are stopped at once so
  // the next run's peak RSS is its own.
  let source
  const runs = await repeat(RUNS, async (run) => {
    const result = await ingestRun(await server(), events, run)
    if (run < RUNS - 1) await result.bench.stop()
    else source = result.bench
    return result
  })
  const reference = shared ? await shared.addProject() : await startBenchServer({ postgres })
  try {
    const tables = await extractRows(source.db, source.projectId, reference.projectId)
    const rows = rowCount(tables)
    console.log(`  stored rows per run: ${tables.map((table) => `${table.table} ${table.rows.length.toLocaleString('en')}`).join(', ')} = ${rows.toLocaleString('en')}`)
    const insert = await repeat(RUNS, async () => {
      await clear(reference)
      return events / (await insertLoad(reference.db, tables))
    })
    let copy
    if (kind === 'postgres') {
      const script = copyScript(tables)
      copy = await repeat(RUNS, async () => {
        await clear(reference)
        return events / (await copyLoad(reference.databaseUrl, script))
      })
    }
    const throughput = runs.map((run) => events / run.seconds)
    const latencies = runs.flatMap((run) => run.latencies)
    const best = copy ? { label: 'COPY', values: copy } : { label: 'multi-row INSERT', values: insert }
    report('SDK → server → database (events/s)', throughput, 'events/s', best)
    if (copy) report('COPY of the same rows (events/s)', copy, 'events/s')
    report('multi-row INSERT … ON CONFLICT (events/s)', insert, 'events/s')
    if (copy) console.log(`  (${fmt(median(copy) * (rows / events))} rows/s by COPY, ${fmt(median(insert) * (rows / events))} rows/s by INSERT; the SDK path = ${fmt(median(throughput) / median(insert))} × INSERT)`)
    console.log(`  batch latency (${latencies.length} batches of ≤ 500): p50 ${fmt(quantile(latencies, 0.5))} ms, p99 ${fmt(quantile(latencies, 0.99))} ms`)
    report('server peak RSS (MiB)', runs.map((run) => mib(run.peak)), 'MiB')
    report('first read after a run (ms)', runs.map((run) => run.readMs), 'ms')
    console.log(`  (not in the throughput: it folds the ${fmt(median(runs.map((run) => run.changes)))} customer changes the run appended and rebuilds the changed days)`)
    if (kind === 'postgres' && median(throughput) < 0.5 * median(copy)) console.log('  goal ≥ 0.5 × COPY: missed')
    else if (kind === 'postgres') console.log('  goal ≥ 0.5 × COPY: met')
  } finally {
    await reference.stop()
    await source.stop()
    await shared?.stop()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const kind of kinds) await benchIngest(kind, clusterUrl)
}
