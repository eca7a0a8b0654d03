// PostgreSQL for benchmarks: the cluster to use (DATABASE_URL, or a throwaway one started with
// scripts/pg-start.sh), admin statements, and psql for COPY (pg-copy-streams is not a dependency).
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const SCRIPTS = fileURLToPath(new URL('../../scripts/', import.meta.url))

/** Runs one statement on its own connection and returns the rows. */
export async function adminQuery(url, text, values) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

/** The newest Debian PostgreSQL bin directory, or undefined. */
function postgresBin() {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  for (const version of versions) if (existsSync(`${root}/${version}/bin/psql`)) return `${root}/${version}/bin`
  return undefined
}

/** The psql binary (Debian's, else the one on PATH). */
export const PSQL = postgresBin() ? `${postgresBin()}/psql` : 'psql'

/**
 * The cluster URL for this run: DATABASE_URL when set; else, unless `pgliteOnly`, a throwaway cluster
 * from scripts/pg-start.sh (BENCH_PG_DIR, BENCH_PG_PORT) that `stop()` removes; else undefined.
 */
export function ensureCluster({ pgliteOnly }) {
  if (pgliteOnly) return { url: undefined, stop() {} }
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop() {} }
  if (!postgresBin()) return { url: undefined, stop() {} }
  const env = { ...process.env, PG_TEST_DIR: process.env.BENCH_PG_DIR ?? '/tmp/rapport-bench-pg', PG_TEST_PORT: process.env.BENCH_PG_PORT ?? '54380' }
  const url = execFileSync('bash', [`${SCRIPTS}pg-start.sh`], { env, stdio: ['ignore', 'pipe', 'ignore'] })
    .toString()
    .trim()
  return { url, stop: () => execFileSync('bash', [`${SCRIPTS}pg-stop.sh`], { env, stdio: 'ignore' }) }
}

/** Runs psql with a script on stdin; resolves with its stdout. */
export function psql(url, args, input = '') {
  return new Promise((resolve, reject) => {
    const child = spawn(PSQL, [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
    const out = []
    const err = []
    child.stdout.on('data', (chunk) => out.push(chunk))
    child.stderr.on('data', (chunk) => err.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out))
      else reject(new Error(`psql exited ${code}: ${Buffer.concat(err).toString()}`))
    })
    child.stdin.on('error', () => {})
    child.stdin.end(input)
  })
}
