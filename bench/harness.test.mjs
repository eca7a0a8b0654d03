// The benchmark harness works: `npm run bench -- --quick` runs every part on small data and prints
// each figure with its reference. Figures are not compared (they depend on the machine and its load).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const run = (script, args, env = {}) =>
  spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 170_000,
  })

describe('npm run bench -- --quick', () => {
  test('PGlite: ingestion, import, reads (warm, cold, DuckDB), predictions, SDK', { timeout: 180_000 }, () => {
    const result = run('./run.mjs', ['--quick', '--pglite-only'])
    expect(result.stderr).not.toMatch(/Error/)
    expect(result.status).toBe(0)
    for (const line of [/load avg/, /SDK → server → database .* × multi-row INSERT/, /import, lines\/s .* × multi-row INSERT/, /report \(2011, monthly\) .* × DuckDB/, /× DuckDB load \+ report/, /BG\/NBD/, /ns\/op/]) {
      expect(result.stdout).toMatch(line)
    }
  })

  test.skipIf(!process.env.RAPPORT_TEST_DATABASE_URL)('PostgreSQL: ingestion against COPY (psql) and multi-row INSERT', { timeout: 120_000 }, () => {
    const result = run('./ingest.mjs', ['--quick', '--kind=postgres'], { DATABASE_URL: process.env.RAPPORT_TEST_DATABASE_URL })
    expect(result.stderr).not.toMatch(/Error/)
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/SDK → server → database .* × COPY/)
    expect(result.stdout).toMatch(/multi-row INSERT … ON CONFLICT/)
  })
})
