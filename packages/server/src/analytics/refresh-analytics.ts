import { type Kysely, sql, type Transaction } from 'kysely'
import { applyCustomerChanges } from '../customers/apply-customer-changes.js'
import type { Database } from '../db/schema.js'
import { inTransaction } from '../db/transaction.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { recomputeCustomerScores } from './customer-scores.js'
import { recomputeLeadScores } from './lead-scores.js'
import { recomputeRfm } from './rfm.js'
import { rebuildDays, rebuildMonths } from './rollups.js'

// Days rebuilt per statement, so one statement's working set stays small.
const DAYS_PER_STEP = 62
const LARGE_REBUILD_DAYS = 28
/** How long stored RFM scores may lag behind new orders (`insights.segments` is always exact). */
export const RFM_MAX_STALENESS_SECONDS = 300

/**
 * Recomputes RFM scores when they were never computed, after a bulk change, or
 * when they have been out of date for longer than the allowed staleness.
 * Ranking every customer costs O(customers), too much for every read of a busy project.
 */
async function refreshRfm(trx: Transaction<Database>, project: ProjectRow, changedDays: number): Promise<void> {
  if (changedDays === 0) {
    // The common read: nothing new. Only a deferred recomputation may be due.
    const pending = await sql<{ due: boolean }>`
      select (rfm_stale_since < now() - make_interval(secs => ${RFM_MAX_STALENESS_SECONDS})) as due
      from analytics_state where project_id = ${project.id} and rfm_stale_since is not null
    `.execute(trx)
    if (!pending.rows[0]?.due) return
  }
  const state = await sql<{ due: boolean }>`
    insert into analytics_state as s (project_id, rfm_stale_since)
    values (${project.id}, case when ${changedDays} > 0 then now() end)
    on conflict (project_id) do update set rfm_stale_since = coalesce(s.rfm_stale_since, excluded.rfm_stale_since)
    returning (rfm_stale_since is not null and (rfm_computed_at is null or ${changedDays} >= ${LARGE_REBUILD_DAYS}
      or rfm_stale_since < now() - make_interval(secs => ${RFM_MAX_STALENESS_SECONDS}))) as due
  `.execute(trx)
  if (!state.rows[0]?.due) return
  await recomputeRfm(trx, project.id, project.currency)
  await recomputeCustomerScores(trx, project)
  await recomputeLeadScores(trx, project)
  await sql`update analytics_state set rfm_computed_at = now(), rfm_stale_since = null where project_id = ${project.id}`.execute(trx)
}

/**
 * Brings a project's customer totals, rollups (and, within a few minutes, its
 * RFM scores) up to date with what was ingested: folds in the customer changes
 * and consumes the changed days recorded by ingestion
 * and recomputes only those. Cheap when nothing changed. A concurrent caller
 * waits on the rows being consumed and then finds them gone, so it reads fresh
 * rollups; a day changed again meanwhile is recorded again and rebuilt next time.
 */
export async function refreshAnalytics(db: Kysely<Database>, project: ProjectRow): Promise<void> {
  // In its own short transaction: the customer locks are not held through a rollup rebuild.
  await applyCustomerChanges(db, project.id)
  const rebuilt = await inTransaction(db, async (trx) => {
    const consumed = await sql<{ day: string }>`
      delete from analytics_changes where project_id = ${project.id} returning day::text as day
    `.execute(trx)
    const days = [...new Set(consumed.rows.map((row) => row.day))].sort()
    if (days.length >= LARGE_REBUILD_DAYS) {
      // After a bulk load the planner needs real row counts, or it joins the day ranges by scanning.
      await sql`analyze purchases, purchase_items, refunds, refund_items`.execute(trx)
      // Product rollups group hundreds of thousands of lines: sort in memory, not on disk.
      await sql`set local work_mem = '64MB'`.execute(trx)
    }
    for (let start = 0; start < days.length; start += DAYS_PER_STEP) {
      await rebuildDays(trx, project, days.slice(start, start + DAYS_PER_STEP))
    }
    if (days.length > 0) await rebuildMonths(trx, project, days)
    await refreshRfm(trx, project, days.length)
    return days.length
  })
  // After a bulk rebuild (an import), fresh statistics keep the planner on fast plans.
  if (rebuilt >= LARGE_REBUILD_DAYS) await sql`analyze daily_sales, daily_product_sales, monthly_product_sales, customers`.execute(db)
}
