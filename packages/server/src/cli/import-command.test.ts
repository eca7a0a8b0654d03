import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'
import { importCommand, progressLine } from './import-command.js'

const CSV = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26,2.55,17850,United Kingdom',
  'C536379,D,Discount,-1,2010-12-01 09:41,27.5,14527,United Kingdom',
  '536366,22633,HAND WARMER,six,2010-12-01 08:28,1.85,17850,United Kingdom',
  '',
].join('\n')

describe.each(testDialects())('rapport import on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>
  const dir = mkdtempSync(join(tmpdir(), 'rapport-import-'))
  const plain = join(dir, 'orders.csv')
  const gzipped = join(dir, 'orders.csv.gz')
  writeFileSync(plain, CSV)
  writeFileSync(gzipped, gzipSync(CSV))

  beforeAll(async () => {
    server = await startTestServer(dialect)
    tenant = await createTenant(server.url)
  })
  afterAll(() => server?.stop())

  async function run(args: string[]) {
    const out: string[] = []
    let err = ''
    const code = await importCommand(args, (line) => out.push(line), { stderr: { write: (text: string) => (err += text), isTTY: false } })
    return { code, out, err }
  }

  it('streams the file and prints the summary table, then the same as JSON with everything a duplicate', async () => {
    const first = await run([plain, '--key', tenant.secretKey, '--host', server.url, '--format', 'online-retail'])
    expect(first.code).toBe(0)
    expect(first.out[0]).toMatch(/^Imported orders\.csv \(online-retail\): 3 rows in/)
    expect(first.out).toContain('  orders              1            0')
    expect(first.out).toContain('    line 4: Quantity "six" is not a whole number')

    const again = await run([gzipped, '--key', tenant.secretKey, '--host', server.url, '--format', 'online-retail', '--json'])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.out.join('\n'))).toMatchObject({ type: 'summary', orders: { imported: 0, duplicates: 1 }, refunds: { imported: 0, duplicates: 1 } })
  })

  it('exits non-zero with the server’s reason on failure, and 2 on bad usage', async () => {
    const forbidden = await run([plain, '--key', tenant.publishableKey, '--host', server.url, '--format', 'online-retail'])
    expect(forbidden.code).toBe(1)
    expect(forbidden.err).toMatch(/HTTP 403: Importing needs a secret key/)
    const format = await run([plain, '--key', tenant.secretKey, '--host', server.url, '--format', 'csv'])
    expect(format.code).toBe(1)
    expect(format.err).toMatch(/HTTP 400: .*\n {2}format: /)
    const unreachable = await run([plain, '--key', tenant.secretKey, '--host', 'http://127.0.0.1:9', '--format', 'generic'])
    expect(unreachable.code).toBe(1)
    expect(unreachable.err).toMatch(/Cannot send the file/)
    expect((await run([plain, '--format', 'generic'])).code).toBe(2)
  })
})

describe('progress line', () => {
  it('shows the share of the file read, rows/s and an ETA', () => {
    expect(progressLine({ type: 'progress', rowsRead: 135_000, bytesRead: 2_500, rowsPerSecond: 27_000, seconds: 5 }, 10_000, 10)).toBe(
      '[###.......]  25%  135,000 rows  27,000 rows/s  ETA 0:15',
    )
  })
})
