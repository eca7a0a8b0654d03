import type { Interval, Report } from '@rapport/shared'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { createTenant, http } from '../test/http.js'
import { pick, seededRandom } from '../test/seeded-random.js'
import { testDialects } from '../test/test-database.js'
import { startTestServer, type TestServer } from '../test/test-server.js'
import { refreshAnalytics } from './refresh-analytics.js'
import { cohorts, customersByInterval, localMidnight, otherCurrencyOrders, type Period, topCustomers } from './report.repository.js'
import { markAllDaysChanged } from './rollups.js'

// The report's customer figures come from the customer rollups; here they are
// checked against the same figures computed from the raw orders and refunds
// (the queries the report ran before the rollups), after every kind of change.

type Db = Kysely<Database>

/** Paying, new and repeat customers per interval, straight from the orders. */
async function rawCustomers(db: Db, project: ProjectRow, period: Period, interval: Interval | null) {
  const tz = project.timezone
  const fromAt = localMidnight(period.from, tz)
  const toAt = localMidnight(period.to, tz)
  const bucket = interval === null ? sql`${period.from}::date` : sql`date_trunc(${interval}, p.ordered_at at time zone ${tz})::date`
  const start = interval === null ? fromAt : sql`greatest((o.bucket::timestamp at time zone ${tz}), ${fromAt})`
  const result = await sql<Record<string, unknown>>`
    with o as (
      select p.customer_id, ${bucket} as bucket, count(*) as n, sum(p.amount_minor) as gross
      from purchases p
      where p.project_id = ${project.id} and p.currency = ${project.currency} and p.customer_id is not null
        and p.ordered_at >= ${fromAt} and p.ordered_at < ${toAt}
      group by 1, 2
    )
    select o.bucket::text as bucket, count(*) as paying, sum(o.gross) as known_gross,
      count(*) filter (where c.first_purchase_at >= ${start}) as new_customers,
      count(*) filter (where o.n >= 2 or c.first_purchase_at < ${start}) as repeat_customers
    from o join customers c on c.project_id = ${project.id} and c.customer_id = o.customer_id
    group by o.bucket
  `.execute(db)
  return result.rows
}

/** Refunds in the period (documents and refunded orders), straight from the rows. */
function rawRefunds(project: ProjectRow, period: Period) {
  const fromAt = localMidnight(period.from, project.timezone)
  const toAt = localMidnight(period.to, project.timezone)
  return sql`
    select f.customer_id, f.amount_minor from refunds f
    where f.project_id = ${project.id} and f.currency = ${project.currency} and f.refunded_at >= ${fromAt} and f.refunded_at < ${toAt}
    union all
    select p.customer_id, p.amount_minor from purchases p
    where p.project_id = ${project.id} and p.currency = ${project.currency} and p.status = 'refunded'
      and p.refunded_at >= ${fromAt} and p.refunded_at < ${toAt}
  `
}

async function rawTopCustomers(db: Db, project: ProjectRow, period: Period, limit: number) {
  const fromAt = localMidnight(period.from, project.timezone)
  const toAt = localMidnight(period.to, project.timezone)
  const result = await sql<Record<string, unknown>>`
    with money as (
      select p.customer_id, p.amount_minor as amount, 1 as orders from purchases p
      where p.project_id = ${project.id} and p.currency = ${project.currency} and p.customer_id is not null
        and p.ordered_at >= ${fromAt} and p.ordered_at < ${toAt}
      union all
      select r.customer_id, -r.amount_minor, 0 from (${rawRefunds(project, period)}) r where r.customer_id is not null
    ),
    per as (select customer_id, sum(amount) as net, sum(orders) as orders from money group by customer_id)
    select per.customer_id, c.name, c.email, per.net, per.orders
    from per join customers c on c.project_id = ${project.id} and c.customer_id = per.customer_id
    order by per.net desc, per.customer_id
    limit ${limit}
  `.execute(db)
  return result.rows
}

async function rawCohorts(db: Db, project: ProjectRow, period: Period) {
  const tz = project.timezone
  const fromAt = localMidnight(period.from, tz)
  const toAt = localMidnight(period.to, tz)
  const result = await sql<Record<string, unknown>>`
    with members as (
      select customer_id, date_trunc('month', first_purchase_at at time zone ${tz})::date as cohort from customers
      where project_id = ${project.id} and first_purchase_at >= ${fromAt} and first_purchase_at < ${toAt}
    ),
    sizes as (select cohort, count(*) as size from members group by cohort),
    money as (
      select m.cohort, m.customer_id, date_trunc('month', p.ordered_at at time zone ${tz})::date as month, p.amount_minor as amount, true as ordered
      from members m join purchases p on p.project_id = ${project.id} and p.customer_id = m.customer_id
      where p.currency = ${project.currency} and p.ordered_at < ${toAt}
      union all
      select m.cohort, m.customer_id, date_trunc('month', f.refunded_at at time zone ${tz})::date, -f.amount_minor, false
      from members m join refunds f on f.project_id = ${project.id} and f.customer_id = m.customer_id
      where f.currency = ${project.currency} and f.refunded_at < ${toAt}
      union all
      select m.cohort, m.customer_id, date_trunc('month', p.refunded_at at time zone ${tz})::date, -p.amount_minor, false
      from members m join purchases p on p.project_id = ${project.id} and p.customer_id = m.customer_id
      where p.currency = ${project.currency} and p.status = 'refunded' and p.refunded_at < ${toAt}
    )
    select money.cohort::text as cohort, money.month::text as month, s.size,
      count(distinct money.customer_id) filter (where money.ordered) as active, sum(money.amount) as net
    from money join sizes s on s.cohort = money.cohort
    where money.month >= money.cohort
    group by money.cohort, money.month, s.size
    order by 1, 2
  `.execute(db)
  return result.rows
}

async function rawOtherCurrencyOrders(db: Db, project: ProjectRow, period: Period): Promise<number> {
  const row = await sql<{ n: string | number }>`
    select count(*) as n from purchases
    where project_id = ${project.id} and currency <> ${project.currency}
      and ordered_at >= ${localMidnight(period.from, project.timezone)} and ordered_at < ${localMidnight(period.to, project.timezone)}
  `.execute(db)
  return Number(row.rows[0]?.n ?? 0)
}

/** Rows with every value as a string (drivers return counts and sums as numbers, strings or bigints), in a stable order. */
function normalized(rows: readonly object[]): string[] {
  return rows.map((row) => JSON.stringify(Object.entries(row).map(([key, value]) => [key, value === null ? null : String(value)]))).sort()
}

const PERIODS: Period[] = [
  { from: '2025-01-01', to: '2027-01-01' },
  { from: '2025-12-01', to: '2026-03-01' },
  { from: '2025-12-15', to: '2026-02-10' },
  { from: '2026-01-31', to: '2026-02-02' },
]
const INTERVALS: Array<Interval | null> = [null, 'day', 'week', 'month']

describe.each(testDialects())('customer rollups on %s', (dialect) => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(dialect)
  })
  afterAll(() => server?.stop())

  async function send(secretKey: string, events: unknown[]): Promise<void> {
    const response = await http<{ rejected: unknown[] }>(`${server.url}/v1/batch`, { token: secretKey, body: { events } })
    expect(response.status).toBe(200)
    expect(response.body.rejected).toEqual([])
  }

  async function project(projectId: string): Promise<ProjectRow> {
    return server.db.selectFrom('projects').selectAll().where('id', '=', projectId).executeTakeFirstOrThrow()
  }

  /** Every customer figure of the report, from the rollups and from the raw rows, over several periods and intervals. */
  async function expectExact(projectId: string): Promise<void> {
    const row = await project(projectId)
    await refreshAnalytics(server.db, row)
    for (const period of PERIODS) {
      for (const interval of INTERVALS) {
        const label = `${period.from}..${period.to} by ${interval ?? 'period'}`
        expect(normalized(await customersByInterval(server.db, row, period, interval)), label).toEqual(
          normalized(await rawCustomers(server.db, row, period, interval)),
        )
      }
      // Ordered by net revenue then id: compared in order.
      expect((await topCustomers(server.db, row, period, 5)).map((r) => normalized([r])[0]), `top ${period.from}`).toEqual(
        (await rawTopCustomers(server.db, row, period, 5)).map((r) => normalized([r])[0]),
      )
      expect(normalized(await cohorts(server.db, row, period)), `cohorts ${period.from}`).toEqual(normalized(await rawCohorts(server.db, row, period)))
      expect(await otherCurrencyOrders(server.db, row, period), `other currencies ${period.from}`).toBe(await rawOtherCurrencyOrders(server.db, row, period))
    }
  }

  it('stay exact after updates, refunds, a late event for an old day and a time zone change', async () => {
    const tenant = await createTenant(server.url)
    const random = seededRandom(21)
    const customers = ['ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus']
    const events: unknown[] = customers.map((id) => ({ type: 'identify', customerId: id, name: id.toUpperCase() }))
    // Orders from December to March, some at 23:xx UTC (another local day, and month, in Tokyo), some by guests, some in USD.
    for (let n = 0; n < 60; n += 1) {
      const day = 1 + Math.floor(random() * 28)
      const month = pick(random, ['2025-12', '2026-01', '2026-02', '2026-03'])
      const hour = pick(random, ['09', '16', '23'])
      const guest = random() < 0.15
      events.push({
        type: 'purchase',
        orderId: `O-${n}`,
        ...(guest ? {} : { customerId: pick(random, customers) }),
        amount: `${1 + Math.floor(random() * 90)}.${String(Math.floor(random() * 100)).padStart(2, '0')}`,
        currency: random() < 0.1 ? 'USD' : 'GBP',
        occurredAt: `${month}-${String(day).padStart(2, '0')}T${hour}:30:00Z`,
      })
    }
    // The last day of January at 23:30 UTC: February 1st in Tokyo.
    events.push({ type: 'purchase', orderId: 'EDGE', customerId: 'ann', amount: '10.00', currency: 'GBP', occurredAt: '2026-01-31T23:30:00Z' })
    await send(tenant.secretKey, events)
    await expectExact(tenant.projectId)

    // Updates: an order changes amount and customer, another is refunded in full, refund documents with and without a customer.
    await send(tenant.secretKey, [
      { type: 'purchase', orderId: 'O-1', customerId: 'gus', amount: '77.70', currency: 'GBP', occurredAt: '2026-01-05T10:00:00Z' },
      { type: 'purchase', orderId: 'O-2', customerId: 'bob', amount: '12.00', currency: 'GBP', status: 'refunded', occurredAt: '2026-02-20T23:30:00Z' },
      { type: 'refund', refundId: 'R-1', orderId: 'O-3', amount: '5.00', currency: 'GBP', occurredAt: '2026-02-28T23:30:00Z' },
      { type: 'refund', refundId: 'R-2', customerId: 'cat', amount: '3.00', currency: 'GBP', occurredAt: '2026-03-02T08:00:00Z' },
      { type: 'refund', refundId: 'R-3', amount: '2.00', currency: 'GBP', occurredAt: '2026-03-03T08:00:00Z' },
      // A new customer's refund in the days of a month a period ends in.
      { type: 'purchase', orderId: 'IVY-1', customerId: 'ivy', amount: '20.00', currency: 'GBP', occurredAt: '2026-01-10T12:00:00Z' },
      { type: 'refund', refundId: 'R-4', orderId: 'IVY-1', amount: '6.00', currency: 'GBP', occurredAt: '2026-02-05T12:00:00Z' },
    ])
    await expectExact(tenant.projectId)

    // A late event for an old day: a first purchase a year before, which makes its customer a returning one.
    await send(tenant.secretKey, [
      { type: 'purchase', orderId: 'OLD-1', customerId: 'eve', amount: '40.00', currency: 'GBP', occurredAt: '2025-02-14T12:00:00Z' },
      { type: 'purchase', orderId: 'NEW-1', customerId: 'hal', amount: '9.99', currency: 'GBP', occurredAt: '2026-02-01T00:30:00Z' },
    ])
    await expectExact(tenant.projectId)

    const before = await http<Report>(`${server.url}/v1/insights/report?from=2025-12-01&to=2026-04-01&interval=month`, { token: tenant.secretKey })
    expect(before.status).toBe(200)

    // The project moves to Tokyo: every rollup is rebuilt in the new zone.
    await sql`update projects set timezone = 'Asia/Tokyo' where id = ${tenant.projectId}`.execute(server.db)
    await markAllDaysChanged(server.db, await project(tenant.projectId))
    await expectExact(tenant.projectId)
    const after = await http<Report>(`${server.url}/v1/insights/report?from=2025-12-01&to=2026-04-01&interval=month`, { token: tenant.secretKey })
    expect(after.status).toBe(200)
    expect(after.body.timezone).toBe('Asia/Tokyo')
    // Orders moved between months with the zone, none was lost or counted twice.
    expect(after.body.series.map((point) => point.orders)).not.toEqual(before.body.series.map((point) => point.orders))
    expect(after.body.totals.orders).toBe(before.body.totals.orders)
  })
})
