import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import { inTransaction } from '../db/transaction.js'

/**
 * Two `with` parts, `consumed` and `change`: takes these customers' pending
 * changes out of `customer_changes` and sums them per customer. In the same
 * statement as their use, so the changes taken and the rows they are applied
 * to come from one snapshot.
 */
export function takeChanges(projectId: string, customerIds: readonly string[]): RawBuilder<unknown> {
  return sql`consumed as (
      delete from customer_changes where project_id = ${projectId} and customer_id = any(${customerIds}::text[])
      returning *
    ),
    change as (
      select customer_id,
        sum(orders)::int as orders,
        sum(refunded_orders)::int as refunded_orders,
        sum(gross_minor)::bigint as gross,
        min(first_purchase_at) as first_purchase_at,
        max(last_purchase_at) as last_purchase_at,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at
      from consumed group by customer_id
    )`
}

/**
 * Folds what ingestion appended to `customer_changes` into the customers'
 * totals and seen times: one update per changed customer however many batches
 * changed it. Every read of customers runs it first (through `refreshAnalytics`),
 * so reads see every acknowledged event. The customers are locked first, in id
 * order, as ingestion locks them when it recomputes totals; their changes are
 * then consumed and applied in one statement, so none is lost or applied twice
 * by concurrent readers or batches. Returns how many customers changed.
 */
export async function applyCustomerChanges(db: Kysely<Database>, projectId: string): Promise<number> {
  return inTransaction(db, async (trx) => {
    const locked = await sql<{ customer_id: string }>`
      select customer_id from customers
      where project_id = ${projectId}
        and customer_id in (select customer_id from customer_changes where project_id = ${projectId})
      order by customer_id
      for update
    `.execute(trx)
    if (locked.rows.length === 0) return 0
    const ids = locked.rows.map((row) => row.customer_id)
    await sql`
      with ${takeChanges(projectId, ids)}
      update customers as c set
        orders_count = c.orders_count + d.orders,
        refunded_orders_count = c.refunded_orders_count + d.refunded_orders,
        gross_spent_minor = c.gross_spent_minor + d.gross,
        net_spent_minor = c.net_spent_minor + d.gross,
        first_purchase_at = least(c.first_purchase_at, d.first_purchase_at),
        last_purchase_at = greatest(c.last_purchase_at, d.last_purchase_at),
        first_seen_at = least(c.first_seen_at, d.first_seen_at),
        last_seen_at = greatest(c.last_seen_at, d.last_seen_at),
        updated_at = now()
      from change as d
      where c.project_id = ${projectId} and c.customer_id = d.customer_id
    `.execute(trx)
    return ids.length
  })
}
