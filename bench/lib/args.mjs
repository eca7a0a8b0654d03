// Command-line flags shared by the benchmarks: --quick (small data, for CI), --pglite-only, and
// --kind=postgres|pglite (one database; default PostgreSQL when DATABASE_URL is set, then PGlite).
export function benchArgs(argv = process.argv.slice(2)) {
  const quick = argv.includes('--quick')
  const pgliteOnly = argv.includes('--pglite-only')
  const kind = argv.find((arg) => arg.startsWith('--kind='))?.slice('--kind='.length)
  const clusterUrl = pgliteOnly ? undefined : process.env.DATABASE_URL
  let kinds = clusterUrl ? ['postgres', 'pglite'] : ['pglite']
  if (kind === 'postgres' || kind === 'pglite') kinds = kinds.filter((candidate) => candidate === kind)
  return { quick, pgliteOnly, kinds, clusterUrl }
}
