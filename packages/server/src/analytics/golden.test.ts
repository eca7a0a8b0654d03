import { readFileSync } from 'node:fs'
import type { Report, Segments, SegmentName } from '@rapport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTenant, http } from '../test/http.js'
import { testDialects } from '../test/test-database.js'
import { decimalE4, ONLINE_RETAIL_CSV as DATASET, onlineRetailLines, splitCsvLine } from '../test/online-retail-csv.js'
import { startTestServer, type TestServer } from '../test/test-server.js'

// The golden test: the real dataset goes in through `POST /v1/import`, and the
// figures our SQL reports are checked against figures computed here from the
// raw CSV with plain code, exact to the penny.
/** Ten-thousandths → pence, half away from zero (the import's documented rule). */
function pence(valueE4: bigint): bigint {
  const sign = valueE4 < 0n ? -1n : 1n
  const abs = valueE4 < 0n ? -valueE4 : valueE4
  return sign * ((abs + 50n) / 100n)
}

function money(minor: bigint): string {
  const sign = minor < 0n ? '-' : ''
  const abs = minor < 0n ? -minor : minor
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

interface Document {
  id: string
  refund: boolean
  customer: string
  /** Earliest line time, `YYYY-MM-DD HH:MM` UK local (= the project's zone). */
  at: string
  lines: Array<{ product: string; quantity: bigint; price: bigint }>
}

/** Invoices and credit notes as the dataset's README describes them, built with plain code. */
function readDocuments(): Document[] {
  const documents = new Map<string, Document>()
  for (const row of onlineRetailLines()) {
    const [invoice = '', stock = '', , quantity = '', date = '', price = '', customer = ''] = splitCsvLine(row)
    if (invoice.startsWith('A')) continue // bad-debt adjustments are not sales
    const refund = invoice.startsWith('C')
    const qty = BigInt(quantity)
    if (!refund && qty < 0n) continue // stock adjustments
    let document = documents.get(invoice)
    if (!document) {
      document = { id: invoice, refund, customer, at: date, lines: [] }
      documents.set(invoice, document)
    }
    if (date < document.at) document.at = date
    document.lines.push({ product: stock, quantity: refund ? -qty : qty, price: decimalE4(price) })
  }
  return [...documents.values()].filter((document) => document.lines.length > 0)
}

const totalE4 = (document: Document) => document.lines.reduce((sum, line) => sum + line.quantity * line.price, 0n)
const month = (at: string) => at.slice(0, 7)

function addTo<K>(map: Map<K, bigint>, key: K, value: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + value)
}

function expectedFigures(documents: Document[]) {
  const netByMonth = new Map<string, bigint>()
  const ordersByMonth = new Map<string, number>()
  const productNet = new Map<string, bigint>()
  const firstOrder = new Map<string, string>()
  for (const document of documents) {
    const amount = pence(totalE4(document))
    addTo(netByMonth, month(document.at), document.refund ? -amount : amount)
    if (!document.refund) ordersByMonth.set(month(document.at), (ordersByMonth.get(month(document.at)) ?? 0) + 1)
    if (document.at >= '2011-01-01' && document.at < '2012-01-01') {
      for (const line of document.lines) addTo(productNet, line.product, (document.refund ? -1n : 1n) * line.quantity * line.price)
    }
    if (!document.refund && document.customer !== '') {
      const first = firstOrder.get(document.customer)
      if (first === undefined || document.at < first) firstOrder.set(document.customer, document.at)
    }
  }
  const newByMonth = new Map<string, number>()
  for (const at of firstOrder.values()) newByMonth.set(month(at), (newByMonth.get(month(at)) ?? 0) + 1)

  const topProducts = [...productNet]
    .sort(([a, x], [b, y]) => (y > x ? 1 : y < x ? -1 : a < b ? -1 : 1))
    .slice(0, 10)
    .map(([product, net]) => [product, money(pence(net))])

  // Cohorts: month of first order; activity and net revenue of members by month.
  const cohortOf = new Map([...firstOrder].map(([customer, at]) => [customer, month(at)]))
  const cohortMonths = new Map<string, Map<string, { active: Set<string>; net: bigint }>>()
  for (const document of documents) {
    const cohort = cohortOf.get(document.customer)
    if (cohort === undefined || month(document.at) < cohort) continue
    const months = cohortMonths.get(cohort) ?? new Map()
    cohortMonths.set(cohort, months)
    const cell = months.get(month(document.at)) ?? { active: new Set<string>(), net: 0n }
    months.set(month(document.at), cell)
    const amount = pence(totalE4(document))
    cell.net += document.refund ? -amount : amount
    if (!document.refund) cell.active.add(document.customer)
  }
  const cohortSize = new Map<string, number>()
  for (const cohort of cohortOf.values()) cohortSize.set(cohort, (cohortSize.get(cohort) ?? 0) + 1)

  return { netByMonth, ordersByMonth, newByMonth, topProducts, cohortMonths, cohortSize }
}

const GRID: Record<number, SegmentName[]> = {
  5: ['new', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
  4: ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal', 'champions'],
  3: ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
  1: ['lost', 'lost', 'at_risk', 'cant_lose_them', 'cant_lose_them'],
}

/** RFM segment counts as documented: score = 1 + ⌊5 × (customers strictly below) / n⌋, FM = ⌊(F + M + 1) / 2⌋. */
function expectedSegments(documents: Document[]): Map<SegmentName, number> {
  const stats = new Map<string, { last: string; orders: number; net: bigint }>()
  for (const document of documents) {
    if (document.customer === '' || document.refund) continue
    const entry = stats.get(document.customer) ?? { last: '', orders: 0, net: 0n }
    stats.set(document.customer, entry)
    entry.orders++
    entry.net += pence(totalE4(document))
    if (document.at > entry.last) entry.last = document.at
  }
  for (const document of documents) {
    const entry = document.refund ? stats.get(document.customer) : undefined
    if (entry) entry.net -= pence(totalE4(document))
  }
  const customers = [...stats.values()]
  const n = customers.length
  const lasts = customers.map((c) => c.last)
  const orders = customers.map((c) => c.orders)
  const nets = customers.map((c) => c.net)
  const sortedLasts = [...lasts].sort()
  const sortedOrders = [...orders].sort((a, b) => a - b)
  const sortedNets = [...nets].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  // Count strictly-below with binary search: n² comparisons would be slow.
  const below = <T>(sorted: T[], value: T) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((sorted[mid] as T) < value) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const counts = new Map<SegmentName, number>()
  for (const customer of customers) {
    const r = 1 + Math.floor((5 * below(sortedLasts, customer.last)) / n)
    const f = 1 + Math.floor((5 * below(sortedOrders, customer.orders)) / n)
    const m = 1 + Math.floor((5 * below(sortedNets, customer.net)) / n)
    const segment = GRID[r]?.[Math.floor((f + m + 1) / 2) - 1]
    if (segment) counts.set(segment, (counts.get(segment) ?? 0) + 1)
  }
  return counts
}

describe.each(testDialects())('golden figures of online-retail.csv.gz on %s', (dialect) => {
  let server: TestServer
  let tenant: Awaited<ReturnType<typeof createTenant>>
  const documents = readDocuments()
  const expected = expectedFigures(documents)

  beforeAll(async () => {
    server = await startTestServer(dialect)
    tenant = await createTenant(server.url, { currency: 'GBP', timezone: 'Europe/London' })
    const response = await fetch(`${server.url}/v1/import?format=online-retail`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.secretKey}`, 'content-type': 'application/gzip' },
      body: readFileSync(DATASET),
    })
    const lines = (await response.text()).trim().split('\n')
    const summary = JSON.parse(lines[lines.length - 1] ?? '{}') as { type: string; rejected: { total: number } }
    expect(summary.type).toBe('summary')
    expect(summary.rejected.total).toBe(0)
  }, 900_000)
  afterAll(() => server?.stop())

  async function report(query: string): Promise<Report> {
    const response = await http<Report>(`${server.url}/v1/insights/report?${query}`, { token: tenant.secretKey })
    expect(response.status).toBe(200)
    return response.body
  }

  it('reports net revenue, orders and new customers of every month of 2011 exactly', async () => {
    const body = await report('from=2011-01-01&to=2012-01-01&interval=month&limit=10')
    const months = body.series.map((point) => point.start.slice(0, 7))
    expect(months).toHaveLength(12)
    expect(body.series.map((point) => point.netRevenue)).toEqual(months.map((m) => money(expected.netByMonth.get(m) ?? 0n)))
    expect(body.series.map((point) => point.orders)).toEqual(months.map((m) => expected.ordersByMonth.get(m) ?? 0))
    expect(body.series.map((point) => point.newCustomers)).toEqual(months.map((m) => expected.newByMonth.get(m) ?? 0))
    expect(body.topProducts.byNetRevenue.map((product) => [product.productId, product.netRevenue])).toEqual(expected.topProducts)
    const yearNet = months.reduce((sum, m) => sum + (expected.netByMonth.get(m) ?? 0n), 0n)
    expect(body.totals.netRevenue).toBe(money(yearNet))
  })

  it('builds the cohort matrix of the first three cohorts exactly', async () => {
    const body = await report('from=2010-12-01&to=2011-12-10&interval=month')
    const firstThree = body.cohorts.slice(0, 3)
    expect(firstThree.map((cohort) => cohort.cohort)).toEqual(['2010-12', '2011-01', '2011-02'])
    for (const cohort of firstThree) {
      expect(cohort.customers).toBe(expected.cohortSize.get(cohort.cohort))
      const months = [...(expected.cohortMonths.get(cohort.cohort) ?? new Map())].sort(([a], [b]) => (a < b ? -1 : 1))
      expect(cohort.months.map((cell) => [cell.activeCustomers, cell.netRevenue])).toEqual(months.map(([, cell]) => [cell.active.size, money(cell.net)]))
    }
  })

  it('assigns RFM segments with the documented counts', async () => {
    const response = await http<Segments>(`${server.url}/v1/insights/segments?asOf=2011-12-10`, { token: tenant.secretKey })
    expect(response.status).toBe(200)
    const want = expectedSegments(documents)
    expect(response.body.customers).toBe([...want.values()].reduce((a, b) => a + b, 0))
    expect(Object.fromEntries(response.body.segments.map((segment) => [segment.segment, segment.customers]))).toEqual(
      Object.fromEntries(response.body.segments.map((segment) => [segment.segment, want.get(segment.segment) ?? 0])),
    )
  })
})
