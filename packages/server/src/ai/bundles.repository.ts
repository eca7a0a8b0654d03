import { type Kysely, sql } from 'kysely'
import { localMidnight } from '../analytics/report.repository.js'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'

/** Baskets and product names are read in one bounded pass: a year of a busy shop is a few hundred thousand lines. */
const MAX_LINES = 600_000

/** The distinct products of each completed order placed in the period, and the names of those products. */
export async function basketsOf(
  db: Kysely<Database>,
  project: ProjectRow,
  period: { from: string; to: string },
): Promise<{ baskets: string[][]; names: Map<string, string> }> {
  const rows = await sql<{ order_id: string; product_id: string; name: string | null }>`
    select i.order_id, i.product_id, max(i.name) as name
    from purchases p join purchase_items i on i.project_id = p.project_id and i.order_id = p.order_id
    where p.project_id = ${project.id} and p.status = 'completed'
      and p.ordered_at >= ${localMidnight(period.from, project.timezone)} and p.ordered_at < ${localMidnight(period.to, project.timezone)}
    group by i.order_id, i.product_id
    limit ${MAX_LINES}
  `.execute(db)
  const byOrder = new Map<string, string[]>()
  const names = new Map<string, string>()
  for (const row of rows.rows) {
    const basket = byOrder.get(row.order_id) ?? []
    basket.push(row.product_id)
    byOrder.set(row.order_id, basket)
    if (row.name !== null) names.set(row.product_id, row.name)
  }
  return { baskets: [...byOrder.values()], names }
}
