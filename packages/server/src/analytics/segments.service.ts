import { currencyExponent, formatMinorUnits, type SegmentName, type Segments, type SegmentsInput, segmentNameSchema, segmentsInputSchema } from '@rapport/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { addDays } from './calendar.js'
import { refreshAnalytics } from './refresh-analytics.js'
import { localMidnight } from './report.repository.js'
import { type ScoredCustomer, scoredCustomersQuery } from './rfm.js'

type Db = Kysely<Database>

async function instantOf(db: Db, date: string, timezone: string): Promise<Date> {
  const result = await sql<{ at: Date }>`select ${localMidnight(date, timezone)} as at`.execute(db)
  const at = result.rows[0]?.at
  if (!at) throw new Error('unreachable: no row')
  return new Date(at)
}

async function scored(db: Db, project: ProjectRow, asOf: Date): Promise<ScoredCustomer[]> {
  const result = await scoredCustomersQuery(project.id, project.currency, asOf).execute(db)
  return result.rows
}

/** `insights.segments`: RFM segment sizes and revenue as of a day, and how customers moved since an earlier day. */
export async function buildSegments(db: Db, project: ProjectRow, input: SegmentsInput): Promise<Segments> {
  const query = segmentsInputSchema.parse(input)
  await refreshAnalytics(db, project)
  const asOf = query.asOf === undefined ? new Date() : await instantOf(db, query.asOf, project.timezone)
  const previousAsOf =
    query.asOf === undefined
      ? new Date(asOf.getTime() - query.compareDays * 86_400_000)
      : await instantOf(db, addDays(query.asOf, -query.compareDays), project.timezone)
  const [now, before] = await Promise.all([scored(db, project, asOf), scored(db, project, previousAsOf)])

  const previousSegment = new Map(before.map((row) => [row.customer_id, row.segment]))
  const sizes = new Map<SegmentName, { customers: number; net: bigint; previous: number }>()
  for (const name of segmentNameSchema.options) sizes.set(name, { customers: 0, net: 0n, previous: 0 })
  for (const row of before) {
    const entry = sizes.get(row.segment)
    if (entry) entry.previous++
  }
  const moves = new Map<string, { from: SegmentName | null; to: SegmentName; customers: number }>()
  let totalNet = 0n
  for (const row of now) {
    const net = BigInt(row.net_minor)
    totalNet += net
    const entry = sizes.get(row.segment)
    if (entry) {
      entry.customers++
      entry.net += net
    }
    const from = previousSegment.get(row.customer_id) ?? null
    if (from === row.segment) continue
    const key = `${from}>${row.segment}`
    const move = moves.get(key) ?? { from, to: row.segment, customers: 0 }
    move.customers++
    moves.set(key, move)
  }
  const exponent = currencyExponent(project.currency)
  return {
    currency: project.currency,
    asOf: asOf.toISOString(),
    previousAsOf: previousAsOf.toISOString(),
    customers: now.length,
    segments: [...sizes].map(([segment, entry]) => ({
      segment,
      customers: entry.customers,
      share: now.length === 0 ? 0 : entry.customers / now.length,
      netRevenue: formatMinorUnits(entry.net, exponent),
      revenueShare: totalNet === 0n ? null : Number(entry.net) / Number(totalNet),
      previousCustomers: entry.previous,
    })),
    movements: [...moves.values()].sort((a, b) => b.customers - a.customers),
  }
}
