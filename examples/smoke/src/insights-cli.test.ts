import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { example, ONLINE_RETAIL } from './paths.js'
import { cleanEnv, runToEnd } from './processes.js'
import { createTenant, type Tenant } from './tenant.js'

// The first 20,000 rows of the sample (1–9 December 2010): a few seconds to import, enough for every table.
const SLICE = join(tmpdir(), `rapport-online-retail-slice-${process.pid}.csv.gz`)
const ROWS = 20_000

let tenant: Tenant
const rapport = inject('rapportUrl')

beforeAll(async () => {
  const text = gunzipSync(readFileSync(ONLINE_RETAIL)).toString('utf8')
  let end = 0
  for (let line = 0; line <= ROWS; line++) end = text.indexOf('\n', end) + 1
  writeFileSync(SLICE, gzipSync(text.slice(0, end)))
  tenant = await createTenant(rapport, { currency: 'GBP', timezone: 'Europe/London' })
})
afterAll(() => rmSync(SLICE, { force: true }))

describe('import-csv, then insights-cli on the imported project', () => {
  it('import-csv: loads the CSV through POST /v1/import and prints the summary', async () => {
    const env = cleanEnv({ RAPPORT_SECRET_KEY: tenant.secretKey, RAPPORT_HOST: rapport })
    const run = await runToEnd(process.execPath, [join(example('import-csv'), 'dist/main.js'), SLICE], { env })
    expect(run.stderr + run.stdout).toContain(`Imported ${SLICE}: 20,000 rows`)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/orders\s+[1-9]\d* new, 0 already there/)
    expect(run.stdout).toContain('rejected 0')

    // Idempotent: the same file again adds nothing.
    const again = await runToEnd(process.execPath, [join(example('import-csv'), 'dist/main.js'), SLICE], { env })
    expect(again.stdout).toMatch(/orders\s+0 new, [1-9]\d* already there/)
  })

  it('insights-cli: prints the report, trends, segments, forecast and recommendations as tables', async () => {
    const run = await runToEnd(
      process.execPath,
      [join(example('insights-cli'), 'dist/main.js'), '--from', '2010-12-01', '--to', '2010-12-10', '--interval', 'day'],
      { env: cleanEnv({ RAPPORT_SECRET_KEY: tenant.secretKey, RAPPORT_HOST: rapport }) },
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const out = run.stdout
    expect(out).toContain('Report 2010-12-01 → 2010-12-10 (Europe/London)')
    expect(out).toMatch(/Net revenue\s+[1-9][\d.]* GBP/)
    expect(out).toMatch(/Net revenue by day\nfrom\s+net revenue\s+orders\s+customers\n[─ ]+\n2010-12-01\s+[1-9]/)
    expect(out).toMatch(/Top products by net revenue\nproduct.*\n[─ ]+\n\S/)
    expect(out).toMatch(/Trends against 2010-11-22 → 2010-12-01\nmetric\s+direction/)
    expect(out).toMatch(/RFM segments \([1-9]\d* customers\)/)
    expect(out).toContain('Forecast of revenue by day')
    expect(out).toMatch(/\nRecommendations(\n#|: not enough data yet)/)
  })
})
