import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import { inTransaction } from '../db/transaction.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { recomputeRfm } from './rfm.js'
import { rebuildDays, rebuildMonths } from './rollups.js'

// Days rebuilt per statement, so one statement's working set stays small.
const DAYS_PER_STEP = 62
const LARGE_REBUILD_DAYS = 28

/**
 * Brings a project's rollups and RFM scores up to date with what was ingested:
 * consumes the changed days recorded by ingestion and recomputes only those.
 * Cheap when nothing changed (one indexed delete). A concurrent caller waits on
 * the rows being consumed and then finds them gone, so it reads fresh rollups;
 * a day changed again meanwhile is recorded again and rebuilt by the next call.
 */
export async function refreshAnalytics(db: Kysely<Database>, project: ProjectRow): Promise<void> {
  const rebuilt = await inTransaction(db, async (trx) => {
    const consumed = await sql<{ day: string }>`
      delete from analytics_changes where project_id = ${project.id} returning day::text as day
    `.execute(trx)
    if (consumed.rows.length === 0) return 0
    const days = [...new Set(consumed.rows.map((row) => row.day))].sort()
    // After a bulk load the planner needs real row counts, or it joins the day ranges by scanning.
    if (days.length >= LARGE_REBUILD_DAYS) {
      await sql`analyze purchases, purchase_items, refunds, refund_items`.execute(trx)
      // Product rollups group hundreds of thousands of lines: sort in memory, not on disk.
      await sql`set local work_mem = '64MB'`.execute(trx)
    }
    for (let start = 0; start < days.length; start += DAYS_PER_STEP) {
      await rebuildDays(trx, project, days.slice(start, start + DAYS_PER_STEP))
    }
    await rebuildMonths(trx, project, days)
    await recomputeRfm(trx, project.id, project.currency)
    return days.length
  })
  // After a bulk rebuild (an import), fresh statistics keep the planner on fast plans.
  if (rebuilt >= LARGE_REBUILD_DAYS) await sql`analyze daily_sales, daily_product_sales, monthly_product_sales, customers`.execute(db)
}
