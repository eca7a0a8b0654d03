import { request } from 'node:http'
import { gzipSync } from 'node:zlib'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'
import type { ImportProgress, ImportSummary } from './import-summary.js'
import { runImport } from './import.service.js'
import { onlineRetailFormat } from './online-retail.format.js'

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'
const ROWS = [
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26,2.55,17850,United Kingdom',
  '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26,3.39,17850,United Kingdom',
  '536366,22633,"HAND WARMER, UNION JACK",6,2010-12-01 08:28,1.85,17850,United Kingdom',
  'C536379,D,Discount,-1,2010-12-01 09:41,27.5,14527,United Kingdom',
  '536414,22139,,56,2010-12-01 11:52,0,,United Kingdom',
  '536589,21777,,-10,2010-12-01 16:50,0,,United Kingdom',
  'A563186,B,Adjust bad debt,1,2011-08-12 14:51,-11062.06,,United Kingdom',
  '542806,22960,JAM MAKING SET,6,2011-06-01 10:00,4.25,12583,France',
  '536370,22728,ALARM CLOCK,24,2011-06-01 10:05,3.75,12583,France',
  '542806,22913,RED COAT RACK,3,2011-06-01 10:01,4.95,12583,France',
  '536371,22914,BLUE COAT RACK,three,2011-06-01 10:06,4.95,12583,France',
  '536372,22915,GREEN COAT RACK,1,2011-06-01 10:06',
]
const CSV = `${HEADER}\n${ROWS.join('\n')}\n`

type Line = ImportProgress | ImportSummary | { type: 'error'; error: { code: string; message: string } }

describe.each(testDialects())('POST /v1/import on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>

  beforeAll(async () => {
    server = await startTestServer(dialect)
    tenant = await createTenant(server.url)
  })
  afterAll(() => server?.stop())

  async function upload(body: string | Uint8Array, query = 'format=online-retail', headers: Record<string, string> = { authorization: `Bearer ${tenant.secretKey}` }) {
    const response = await fetch(`${server.url}/v1/import?${query}`, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body })
    const text = await response.text()
    const lines = response.headers.get('content-type')?.startsWith('application/x-ndjson') ? text.trim().split('\n').map((line) => JSON.parse(line) as Line) : []
    return { status: response.status, text, lines, json: lines.length === 0 ? (JSON.parse(text) as { error: { code: string; message: string; issues: Array<{ path: string; message: string }> } }) : undefined }
  }

  async function summaryOf(body: string | Uint8Array, query?: string, projectId = tenant.projectId, token?: string) {
    const result = await upload(body, query, token ? { authorization: `Bearer ${token}` } : undefined)
    expect(result.status).toBe(200)
    const last = result.lines.at(-1)
    if (last?.type !== 'summary') throw new Error(`no summary: ${result.text}`)
    return { summary: last, counts: await counts(projectId) }
  }

  async function counts(projectId: string) {
    const result = await sql<Record<string, string>>`
      select
        (select count(*) from events where project_id = ${projectId})::text as events,
        (select count(*) from purchases where project_id = ${projectId})::text as purchases,
        (select count(*) from purchase_items where project_id = ${projectId})::text as items,
        (select count(*) from refunds where project_id = ${projectId})::text as refunds,
        (select count(*) from refund_items where project_id = ${projectId})::text as refund_items,
        (select count(*) from customers where project_id = ${projectId})::text as customers,
        (select coalesce(sum(amount_minor), 0) from purchases where project_id = ${projectId})::text as revenue
    `.execute(server.db)
    return result.rows[0]
  }

  it('imports a CSV file: orders, refunds, guests, skips and rejects with their lines; again: all duplicates', async () => {
    const { summary, counts: after } = await summaryOf(CSV)
    expect(summary).toMatchObject({
      format: 'online-retail',
      rowsRead: 12,
      orders: { imported: 5, duplicates: 0 },
      refunds: { imported: 1, duplicates: 0 },
      customers: { imported: 3, duplicates: 0 },
      events: { accepted: 9, duplicates: 0 },
      skipped: { total: 2, bad_debt_adjustment: 1, stock_adjustment: 1 },
      rejected: {
        total: 2,
        lines: [
          { line: 12, reason: 'Quantity "three" is not a whole number' },
          { line: 13, reason: 'The row has 5 fields; the header has 8' },
        ],
      },
    })
    // Pence: (15.30 + 20.34) + 11.10 + 0 + (25.50 + 14.85) + 90.00
    expect(after).toEqual({ events: '9', purchases: '5', items: '7', refunds: '1', refund_items: '1', customers: '3', revenue: String(3564 + 1110 + 0 + 4035 + 9000) })

    const again = await summaryOf(gzipSync(CSV))
    expect(again.summary).toMatchObject({ orders: { imported: 0, duplicates: 5 }, refunds: { imported: 0, duplicates: 1 }, events: { accepted: 0, duplicates: 9 } })
    expect(again.counts).toEqual(after)
  })

  it('updates only the orders a corrected file changes', async () => {
    const own = await createTenant(server.url)
    await summaryOf(CSV, undefined, own.projectId, own.secretKey)
    const corrected = CSV.replace('536366,22633,"HAND WARMER, UNION JACK",6,', '536366,22633,"HAND WARMER, UNION JACK",12,')
    const { summary, counts: after } = await summaryOf(corrected, undefined, own.projectId, own.secretKey)
    expect(summary).toMatchObject({ orders: { imported: 1, duplicates: 4 }, events: { accepted: 1, duplicates: 8 } })
    expect(after?.purchases).toBe('5')
    const order = await server.db.selectFrom('purchases').select('amount_minor').where('project_id', '=', own.projectId).where('order_id', '=', '536366').executeTakeFirst()
    expect(order?.amount_minor).toBe(2220n)
  })

  it('imports the generic format with renamed columns, and with a session cookie for the dashboard', async () => {
    const own = await createTenant(server.url, { currency: 'EUR', timezone: 'Europe/Berlin' })
    const csv = 'Invoice,Client,Date,Total\n1001,c-1,2024-07-01 10:00,19.90\n1002,,2024-07-01T12:00:00Z,5\n'
    const query = `format=generic&projectId=${own.projectId}&map=${encodeURIComponent('order_id=Invoice,customer_id=Client,ordered_at=Date,amount=Total')}`
    const result = await upload(csv, query, { cookie: `rapport_session=${own.token}` })
    expect(result.status).toBe(200)
    expect(result.lines.at(-1)).toMatchObject({ type: 'summary', orders: { imported: 2 }, customers: { imported: 1 } })
    const order = await server.db.selectFrom('purchases').selectAll().where('project_id', '=', own.projectId).where('order_id', '=', '1001').executeTakeFirst()
    expect(order).toMatchObject({ amount_minor: 1990n, currency: 'EUR', customer_id: 'c-1' })
    expect(order?.ordered_at.toISOString()).toBe('2024-07-01T08:00:00.000Z')
    const withoutProject = await upload(csv, query.replace(`&projectId=${own.projectId}`, ''), { cookie: `rapport_session=${own.token}` })
    expect(withoutProject.status).toBe(400)
  })

  it('refuses a publishable key, an unknown format, a bad map, a wrong header, non-CSV and broken gzip before reading on', async () => {
    const publishable = await upload(CSV, 'format=online-retail', { authorization: `Bearer ${tenant.publishableKey}` })
    expect(publishable.status).toBe(403)
    expect(publishable.json?.error.code).toBe('forbidden')

    const format = await upload(CSV, 'format=shopify')
    expect(format.status).toBe(400)
    expect(format.json?.error).toMatchObject({ code: 'validation_error', issues: [{ path: 'format' }] })
    expect((await upload(CSV, 'format=generic&map=nope=x')).json?.error.issues).toEqual([{ path: 'map', message: expect.stringContaining('no column "nope"') }])

    const header = await upload('Invoice,Stock,Description,Quantity,InvoiceDate,UnitPrice\n1,2,3,4,5,6\n')
    expect(header.status).toBe(400)
    expect(header.json?.error.message).toContain('missing "InvoiceNo", "StockCode", "CustomerID", "Country"')
    expect(header.json?.error.issues).toContainEqual({ path: 'header', message: 'Missing column "CustomerID"' })

    const png = await upload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
    expect(png.status).toBe(400)
    expect(png.json?.error.code).toBe('validation_error')
    const gzip = await upload(new Uint8Array([0x1f, 0x8b, 0x08, 0, 1, 2, 3, 4, 5, 6, 7]))
    expect(gzip.status).toBe(400)
    expect(gzip.json?.error.message).toMatch(/gzip/)
    expect((await upload('')).status).toBe(400)
  })

  it('ends with an error line carrying a code when the file breaks after the header', async () => {
    // Enough rows that the break arrives in a later network chunk than the header.
    const rows = Array.from({ length: 5000 }, (_, index) => `${700000 + index},22139,RETROSPOT TEA SET,1,2010-12-01 11:52,4.95,,United Kingdom`)
    const broken = `${HEADER}\n${rows.join('\n')}\n536999,"22,x"y,Broken,1,2010-12-01 08:26,1,,United Kingdom\n`
    const result = await upload(broken)
    expect(result.status).toBe(200)
    expect(result.lines.at(-1)).toMatchObject({ type: 'error', error: { code: 'validation_error', message: 'The body is not CSV that can be read (line 5002)' } })
  })

  it('stops when the client goes away mid-import, keeping what was stored', async () => {
    const own = await createTenant(server.url)
    const rows = Array.from({ length: 10_000 }, (_, index) => `${800000 + index},22139,RETROSPOT TEA SET,1,2010-12-01 11:52,4.95,,United Kingdom`)
    const controller = new AbortController()
    const response = await fetch(`${server.url}/v1/import?format=online-retail`, {
      method: 'POST',
      headers: { authorization: `Bearer ${own.secretKey}` },
      body: `${HEADER}\n${rows.join('\n')}\n`,
      signal: controller.signal,
    })
    expect(response.status).toBe(200)
    controller.abort()
    // The server is still healthy and a later import of the same file completes it.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const again = await fetch(`${server.url}/v1/import?format=online-retail`, {
      method: 'POST',
      headers: { authorization: `Bearer ${own.secretKey}` },
      body: `${HEADER}\n${rows.join('\n')}\n`,
    })
    const summary = JSON.parse((await again.text()).trim().split('\n').at(-1) ?? '{}') as ImportSummary
    expect(summary.orders.imported + summary.orders.duplicates).toBe(10_000)
    expect((await counts(own.projectId))?.purchases).toBe('10000')
  })

  it('answers 413 to a body declared larger than 200 MB, and stops a stream that grows past the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/v1/import?format=online-retail`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tenant.secretKey}`, 'content-length': String(300 * 1024 * 1024) },
      })
      req.on('response', (response) => {
        resolve(response.statusCode ?? 0)
        req.destroy()
      })
      req.on('error', reject)
      req.write(HEADER)
    })
    expect(status).toBe(413)

    const project = await server.db.selectFrom('projects').selectAll().where('id', '=', tenant.projectId).executeTakeFirstOrThrow()
    const source = (async function* () {
      yield Buffer.from(`${HEADER}\n`)
      for (;;) yield Buffer.from(`${ROWS[0]}\n`)
    })()
    await expect(runImport(server.db, project, source, { format: onlineRetailFormat }, { maxBytes: 4096 })).rejects.toMatchObject({ code: 'payload_too_large' })
  })
})
