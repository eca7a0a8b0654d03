import { sql } from 'kysely'
import { addDays } from '../calendar.js'
import { e4ToMinor } from '../money.js'
import { createProductFilter } from '../recommend/non-product.js'
import { localMidnight } from '../report.repository.js'
import { type Draft, excessPValue, percent, type RecommendationContext, ruPlural, texts } from './draft.js'

const HISTORY_DAYS = 365
/** A product needs this many orders and returns before its rate says anything. */
const MIN_ORDERS = 30
const MIN_RETURNS = 5
const MAX_PRODUCTS = 3
/** Flag only when the excess over the project's normal rate is this unlikely by chance. */
const MAX_P_VALUE = 0.001

interface RefundRow {
  product_id: string
  name: string | null
  orders: string | number
  returns: string | number
  sold: string | number
  returned: string | number
  refunds_e4: string | bigint
}

/**
 * Products returned far more often than the project's normal rate over the last year. The rate
 * counts orders, not units: returns (refund documents or refunded orders holding the product)
 * against orders holding it, tested against the project's rate over all products (one-sided,
 * p < 0.001, at least 30 orders and 5 returns). Counting units would let one giant order
 * cancelled the same day flag a product alone, and would treat the units of one order as
 * independent trials, which makes any p-value far too small. Postage, fees and other
 * non-product codes are left out. The impact is the refunded money
 * above the normal rate, per 30 days.
 */
export async function highRefundProducts(context: RecommendationContext): Promise<Draft[]> {
  const from = addDays(context.asOfDay, 1 - HISTORY_DAYS)
  const to = addDays(context.asOfDay, 1)
  const { project } = context
  const fromAt = localMidnight(from, project.timezone)
  const toAt = localMidnight(to, project.timezone)
  const result = await sql<RefundRow>`
    with sold as (
      select product_id, max(name) as name, sum(orders) as orders, sum(quantity) as sold, sum(returned_quantity) as returned, sum(refunds_e4) as refunds_e4
      from daily_product_sales
      where project_id = ${project.id} and day >= ${from}::date and day < ${to}::date
      group by product_id
    ),
    returns as (
      select i.product_id, count(distinct f.refund_id) as n
      from refunds f join refund_items i on i.project_id = f.project_id and i.refund_id = f.refund_id
      where f.project_id = ${project.id} and f.currency = ${project.currency} and f.refunded_at >= ${fromAt} and f.refunded_at < ${toAt}
      group by i.product_id
      union all
      select i.product_id, count(distinct p.order_id)
      from purchases p join purchase_items i on i.project_id = p.project_id and i.order_id = p.order_id
      where p.project_id = ${project.id} and p.currency = ${project.currency} and p.status = 'refunded'
        and p.refunded_at >= ${fromAt} and p.refunded_at < ${toAt}
      group by i.product_id
    ),
    returned as (select product_id, sum(n) as returns from returns group by product_id)
    select sold.*, coalesce(returned.returns, 0) as returns
    from sold left join returned on returned.product_id = sold.product_id
  `.execute(context.db)
  // Postage, fees and manual adjustments are refunded as corrections, not returned: not products to review.
  const isProduct = createProductFilter()
  const rows = result.rows.filter((row) => isProduct(row.product_id)).map((row) => ({
    ...row,
    orders: Number(row.orders),
    returns: Number(row.returns),
    sold: Number(row.sold),
    returned: Number(row.returned),
    refunds: e4ToMinor(BigInt(row.refunds_e4), context.exponent),
  }))
  const totalOrders = rows.reduce((sum, row) => sum + row.orders, 0)
  const totalReturns = rows.reduce((sum, row) => sum + row.returns, 0)
  if (totalOrders === 0 || totalReturns === 0) return []
  const normal = totalReturns / totalOrders
  return rows
    .filter((row) => row.orders >= MIN_ORDERS && row.returns >= MIN_RETURNS)
    .map((row) => ({ ...row, rate: Math.min(1, row.returns / row.orders), p: excessPValue(row.returns, row.orders * normal) }))
    .filter((row) => row.rate > 2 * normal && row.p < MAX_P_VALUE)
    .sort((a, b) => (b.refunds > a.refunds ? 1 : b.refunds < a.refunds ? -1 : a.product_id < b.product_id ? -1 : 1))
    .slice(0, MAX_PRODUCTS)
    .map((row): Draft => {
      const label = row.name ? `${row.name} (${row.product_id})` : row.product_id
      const excessShare = 1 - normal / row.rate
      const excessPerMonth = (row.refunds * BigInt(Math.round(excessShare * 1e6))) / 1_000_000n / 12n
      return {
        type: 'high_refund_product',
        title: texts(`Review ${label}: ${percent(row.rate)} of its orders come back`, `Проверьте ${label}: возвращается ${percent(row.rate)} заказов с ним`),
        why: texts(
          `In the last year it came back ${row.returns} times in ${row.orders} orders (${percent(row.rate)}) against ${percent(normal)} ` +
            `across all products (${row.returned} of ${row.sold} units); refunds on it came to ${context.money(row.refunds)}. Check its description, quality and sizing.`,
          `За последний год его вернули ${row.returns} ${ruPlural(row.returns, 'раз', 'раза', 'раз')} на ${row.orders} ${ruPlural(row.orders, 'заказ', 'заказа', 'заказов')} (${percent(row.rate)}) при ${percent(normal)} ` +
            `по всем товарам (${row.returned} из ${row.sold} единиц); возвраты по нему составили ${context.money(row.refunds)}. Проверьте описание, качество и размеры.`,
        ),
        evidence: [
          { label: texts('orders with it', 'заказов с ним'), value: String(row.orders) },
          { label: texts('returns of it', 'возвратов'), value: String(row.returns) },
          { label: texts('return rate (by orders)', 'доля возвратов (по заказам)'), value: percent(row.rate) },
          { label: texts('units sold', 'продано единиц'), value: String(row.sold) },
          { label: texts('units returned', 'возвращено единиц'), value: String(row.returned) },
          { label: texts('project return rate', 'доля возвратов по проекту'), value: percent(normal) },
          { label: texts('refunded', 'возвращено денег'), value: context.money(row.refunds) },
          { label: texts('p-value', 'p-значение'), value: row.p.toPrecision(2) },
        ],
        period: { from, to: context.asOfDay },
        targets: [],
        products: [{ productId: row.product_id, name: row.name }],
        impactMinor: excessPerMonth,
        impactMethod: texts(
          'Refunds on the product in the last year above what the project-wide return rate would give, per 30 days: saved if its returns fell to normal.',
          'Возвраты по товару за год сверх того, что дала бы средняя доля возвратов проекта, на 30 дней: экономия, если возвраты станут обычными.',
        ),
        confidence: 1 - row.p,
      }
    })
}
