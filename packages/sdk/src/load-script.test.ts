import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const LOAD = fileURLToPath(new URL('../../../bench/load.mjs', import.meta.url))

interface LoadResult {
  sent: number
  stored: number
  lost: number
  duplicated: number
  revenueExact: boolean
  eventsPerSecond: number
  batchP50Ms: number
  batchP99Ms: number
  reportedErrors: number
  serverRssStartMb: number
  serverRssEndMb: number
}

// `bench/load.mjs` at a small size (the full 60 s run is `npm run bench`'s job): the script works,
// stops by itself, and its own exact count finds nothing lost or doubled.
describe('bench/load.mjs, small', () => {
  it('runs concurrent SDK clients against the server process and counts every event once', async () => {
    // PGlite (no DATABASE_URL) keeps the run independent of the test cluster.
    const { stdout } = await promisify(execFile)(process.execPath, [LOAD, '--seconds', '2', '--clients', '3', '--batch', '50', '--json'], {
      env: { PATH: process.env.PATH },
      timeout: 55_000,
    })
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as LoadResult
    expect(result.sent).toBeGreaterThan(0)
    expect(result).toMatchObject({ stored: result.sent, lost: 0, duplicated: 0, revenueExact: true, reportedErrors: 0 })
    expect(result.eventsPerSecond).toBeGreaterThan(0)
    expect(result.batchP99Ms).toBeGreaterThanOrEqual(result.batchP50Ms)
    expect(result.serverRssStartMb).toBeGreaterThan(0)
  }, 60_000)
})
