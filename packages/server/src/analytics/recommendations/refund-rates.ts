import { sql } from 'kysely'
import { addDays } from '../calendar.js'
import { e4ToMinor } from '../money.js'
import { type Draft, excessPValue, percent, type RecommendationContext, texts } from './draft.js'

const HISTORY_DAYS = 365
/** A product needs this many units sold and returned before its rate says anything. */
const MIN_SOLD = 50
const MIN_RETURNED = 5
const MAX_PRODUCTS = 3
/** Flag only when the excess over the project's normal rate is this unlikely by chance. */
const MAX_P_VALUE = 0.001

interface RefundRow {
  product_id: string
  name: string | null
  sold: string | number
  returned: string | number
  refunds_e4: string | bigint
}

/**
 * Products returned far more often than the project's normal rate over the last year: units
 * returned against units sold, tested against the overall return rate (one-sided, p < 0.001,
 * at least 50 sold and 5 returned). The impact is the refunded money above the normal rate,
 * per 30 days.
 */
export async function highRefundProducts(context: RecommendationContext): Promise<Draft[]> {
  const from = addDays(context.asOfDay, 1 - HISTORY_DAYS)
  const to = addDays(context.asOfDay, 1)
  const result = await sql<RefundRow>`
    select product_id, max(name) as name, sum(quantity) as sold, sum(returned_quantity) as returned, sum(refunds_e4) as refunds_e4
    from daily_product_sales
    where project_id = ${context.project.id} and day >= ${from}::date and day < ${to}::date
    group by product_id
  `.execute(context.db)
  const rows = result.rows.map((row) => ({ ...row, sold: Number(row.sold), returned: Number(row.returned), refunds: e4ToMinor(BigInt(row.refunds_e4), context.exponent) }))
  const totalSold = rows.reduce((sum, row) => sum + Math.max(0, row.sold), 0)
  const totalReturned = rows.reduce((sum, row) => sum + Math.max(0, row.returned), 0)
  if (totalSold === 0 || totalReturned === 0) return []
  const normal = totalReturned / totalSold
  return rows
    .filter((row) => row.sold >= MIN_SOLD && row.returned >= MIN_RETURNED)
    .map((row) => ({ ...row, rate: row.returned / row.sold, p: excessPValue(row.returned, row.sold * normal) }))
    .filter((row) => row.rate > 2 * normal && row.p < MAX_P_VALUE)
    .sort((a, b) => (b.refunds > a.refunds ? 1 : b.refunds < a.refunds ? -1 : a.product_id < b.product_id ? -1 : 1))
    .slice(0, MAX_PRODUCTS)
    .map((row): Draft => {
      const label = row.name ? `${row.name} (${row.product_id})` : row.product_id
      const excessShare = 1 - normal / row.rate
      const excessPerMonth = (row.refunds * BigInt(Math.round(excessShare * 1e6))) / 1_000_000n / 12n
      return {
        type: 'high_refund_product',
        title: texts(`Review ${label}: ${percent(row.rate)} of units come back`, `Проверьте ${label}: возвращается ${percent(row.rate)} единиц`),
        why: texts(
          `In the last year ${row.returned} of ${row.sold} units sold were returned (${percent(row.rate)}) against ${percent(normal)} ` +
            `across all products; refunds on it came to ${context.money(row.refunds)}. Check its description, quality and sizing.`,
          `За последний год вернули ${row.returned} из ${row.sold} проданных единиц (${percent(row.rate)}) при ${percent(normal)} ` +
            `по всем товарам; возвраты по нему составили ${context.money(row.refunds)}. Проверьте описание, качество и размеры.`,
        ),
        evidence: [
          { label: texts('units sold', 'продано единиц'), value: String(row.sold) },
          { label: texts('units returned', 'возвращено единиц'), value: String(row.returned) },
          { label: texts('return rate', 'доля возвратов'), value: percent(row.rate) },
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
