// `npm run bench [-- --quick] [-- --pglite-only] [-- --with-1m] [-- --parts=…]`: every benchmark, each figure next to its
// reference measured in the same run. PostgreSQL is DATABASE_URL, or a throwaway cluster started
// with scripts/pg-start.sh (BENCH_PG_DIR, BENCH_PG_PORT) when the Debian server is installed;
// without either, PGlite only. Each part runs in its own process so memory figures are its own.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { benchArgs } from './lib/args.mjs'
import { duckdbVersion } from './lib/duckdb-report.mjs'
import { load, printMachine } from './lib/machine.mjs'
import { ensureCluster } from './lib/postgres.mjs'

const { quick, pgliteOnly } = benchArgs()
// --parts=ingest,dataset,load,growth,sdk runs only those (the harness test splits the run this way).
const PARTS = ['ingest', 'dataset', 'load', 'growth', 'sdk']
const parts = new Set(process.argv.find((arg) => arg.startsWith('--parts='))?.slice('--parts='.length).split(',') ?? PARTS)
const unknown = [...parts].filter((name) => !PARTS.includes(name))
if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}; parts: ${PARTS.join(', ')}`)
const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const started = performance.now()
const cluster = ensureCluster({ pgliteOnly })
const flags = [...(quick ? ['--quick'] : []), ...(cluster.url ? [] : ['--pglite-only'])]
const env = { ...process.env, ...(cluster.url ? { DATABASE_URL: cluster.url } : {}) }

function part(args, partEnv = env) {
  const result = spawnSync(process.execPath, ['--expose-gc', ...args], { stdio: 'inherit', env: partEnv })
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`)
}

try {
  console.log(`# Rapport benchmarks${quick ? ' (quick: small data, figures not comparable)' : ''}`)
  await printMachine(cluster.url)
  console.log(`duckdb      ${await duckdbVersion()}`)
  if (!cluster.url) console.log('postgres    not used (--pglite-only, or no DATABASE_URL and no PostgreSQL server installed)')
  const kinds = cluster.url ? ['postgres', 'pglite'] : ['pglite']
  if (parts.has('ingest')) {
    for (const kind of kinds) part([here('./ingest.mjs'), ...flags, `--kind=${kind}`])
    for (const kind of kinds) part([here('./background-refresh.mjs'), ...flags, `--kind=${kind}`])
  }
  if (parts.has('dataset')) for (const kind of kinds) part([here('./on-dataset.mjs'), ...flags, `--kind=${kind}`])
  if (parts.has('load')) {
    // Many SDK clients for a fixed time (bench/load.mjs): on PostgreSQL when there is one, else PGlite.
    const { DATABASE_URL: _unused, ...pgliteEnv } = env
    console.log(`\n## Load: SDK clients for a fixed time, on ${cluster.url ? 'postgres' : 'pglite'} (load ${load()})`)
    part([here('./load.mjs'), ...(quick ? ['--seconds', '2', '--clients', '8'] : [])], cluster.url ? env : pgliteEnv)
  }
  if (parts.has('growth')) {
    // 10k → 100k purchases (→ 1M with --with-1m), on PostgreSQL when there is one.
    part([here('./growth.mjs'), ...flags, ...(process.argv.includes('--with-1m') ? ['--with-1m'] : []), `--kind=${cluster.url ? 'postgres' : 'pglite'}`])
  }
  if (parts.has('sdk')) {
    console.log(`\n## SDK (load ${load()})`)
    part([here('./sdk-enqueue.mjs'), ...(quick ? ['--quick'] : [])])
    part([here('../packages/sdk/scripts/size.mjs')])
    part([here('./sdk-size.mjs')])
  }
  console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s; load avg ${load()} (1/5/15 min)`)
} finally {
  cluster.stop()
}
