import { sql } from 'kysely'
import type { Purchase } from '../recommend/index.js'
import { localMidnight } from '../report.repository.js'
import type { RecommendationContext } from './draft.js'

/** Completed orders from `fromDay` to the end of the data, one product list per order. */
export async function baskets(context: RecommendationContext, fromDay: string, toDay: string): Promise<string[][]> {
  const { db, project } = context
  const result = await sql<{ products: string[] }>`
    select array_agg(distinct i.product_id) as products
    from purchases p
    join purchase_items i on i.project_id = p.project_id and i.order_id = p.order_id
    where p.project_id = ${project.id} and p.status = 'completed'
      and p.ordered_at >= ${localMidnight(fromDay, project.timezone)} and p.ordered_at < ${localMidnight(toDay, project.timezone)}
    group by p.order_id
  `.execute(db)
  return result.rows.map((row) => row.products)
}

/** Who bought what and when (completed orders of known customers), from `fromDay` to `toDay`. */
export async function purchaseLines(context: RecommendationContext, fromDay: string, toDay: string): Promise<Purchase[]> {
  const { db, project } = context
  const result = await sql<{ customer_id: string; product_id: string; at: Date }>`
    select p.customer_id, i.product_id, max(p.ordered_at) as at
    from purchases p
    join purchase_items i on i.project_id = p.project_id and i.order_id = p.order_id
    where p.project_id = ${project.id} and p.status = 'completed' and p.customer_id is not null
      and p.ordered_at >= ${localMidnight(fromDay, project.timezone)} and p.ordered_at < ${localMidnight(toDay, project.timezone)}
    group by p.customer_id, i.product_id, p.order_id
  `.execute(db)
  return result.rows.map((row) => ({ customerId: row.customer_id, productId: row.product_id, at: new Date(row.at).getTime() }))
}

export interface ProductFacts {
  name: string | null
  /** Net revenue per order holding the product, in ten-thousandths of a major unit (line totals are not whole cents). */
  netPerOrderE4: bigint
}

/** Name and net revenue per order of each product sold from `fromDay` to `toDay`. */
export async function productFacts(context: RecommendationContext, fromDay: string, toDay: string): Promise<Map<string, ProductFacts>> {
  const { db, project } = context
  const result = await sql<{ product_id: string; name: string | null; net_e4: string | bigint; orders: string | number }>`
    select product_id, max(name) as name, sum(gross_e4 - refunds_e4) as net_e4, sum(orders) as orders
    from daily_product_sales
    where project_id = ${project.id} and day >= ${fromDay}::date and day < ${toDay}::date
    group by product_id
  `.execute(db)
  return new Map(
    result.rows.map((row) => {
      const orders = BigInt(row.orders)
      return [row.product_id, { name: row.name, netPerOrderE4: orders === 0n ? 0n : BigInt(row.net_e4) / orders }]
    }),
  )
}
