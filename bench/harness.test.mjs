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
  // The run is split by part so no test runs much over a minute on a loaded 2-core machine.
  test('PGlite: ingestion, import, reads (warm, cold, DuckDB), predictions', { timeout: 180_000 }, () => {
    const result = run('./run.mjs', ['--quick', '--pglite-only', '--parts=ingest,dataset'])
    expect(result.stderr).not.toMatch(/Error/)
    expect(result.status).toBe(0)
    for (const line of [/load avg/, /SDK → server → database .* × multi-row INSERT/, /caught up .* s after the last acknowledgement/, /import, lines\/s .* × multi-row INSERT/, /report \(2011, monthly\) .* × DuckDB/, /× DuckDB load \+ report/, /BG\/NBD/]) {
      expect(result.stdout).toMatch(line)
    }
  })

  test('PGlite: load for a fixed time, growth of ingestion and report cost', { timeout: 180_000 }, () => {
    const result = run('./run.mjs', ['--quick', '--pglite-only', '--parts=load,growth'])
    expect(result.stderr).not.toMatch(/Error/)
    expect(result.status).toBe(0)
    for (const line of [/lost 0, duplicated 0, revenue exact: true/, /events\/s over .* batch latency p50/, /1,500 purchases: .* events\/s .* report first .* warm/, /ingestion time per event .*× .* report warm .*×/]) {
      expect(result.stdout).toMatch(line)
    }
  })

  test('SDK: enqueue and bundle size against the peers', { timeout: 120_000 }, () => {
    const result = run('./run.mjs', ['--quick', '--pglite-only', '--parts=sdk'])
    expect(result.stderr).not.toMatch(/Error/)
    expect(result.status).toBe(0)
    for (const line of [/purchase .* ns\/op/, /@segment\/analytics-node .* track \(ns\/op\)/, /posthog-node .* capture \(bytes\/queued event\)/, /ours = .* × posthog-node/, /mixpanel-browser .* gzip/, /@rapport\/sdk\/ingest .* × the smallest peer/]) {
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
