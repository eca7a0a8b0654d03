import { sql } from 'kysely'
import { addDays } from '../calendar.js'
import { e4ToMinor } from '../money.js'
import { type AssociationRule, mineAssociationRules } from '../recommend/index.js'
import { localMidnight } from '../report.repository.js'
import { type Draft, excessPValue, percent, type RecommendationContext, texts } from './draft.js'
import { baskets, type ProductFacts, productFacts } from './purchase-history.js'

const HISTORY_DAYS = 365
/** Customers who bought the first product this recently are the audience. */
const AUDIENCE_DAYS = 180
const MAX_RULES = 3
const MAX_TARGETS = 200
/** An itemset needs this many orders; fewer and a lift of 50 can be two orders by one customer. */
export const MIN_SUPPORT_ORDERS = 20

/** Customers who bought `antecedent` lately but never `consequent`, biggest spenders first. */
async function audience(context: RecommendationContext, antecedent: readonly string[], consequent: string) {
  const { db, project } = context
  const since = localMidnight(addDays(context.asOfDay, 1 - AUDIENCE_DAYS), project.timezone)
  const result = await sql<{ customer_id: string; name: string | null }>`
    select c.customer_id, c.name from customers c
    where c.project_id = ${project.id}
      and exists (
        select 1 from purchases p join purchase_items i on i.project_id = p.project_id and i.order_id = p.order_id
        where p.project_id = ${project.id} and p.customer_id = c.customer_id and p.status = 'completed'
          and p.ordered_at >= ${since} and i.product_id = any(${[...antecedent]}::text[]))
      and not exists (
        select 1 from purchases p join purchase_items i on i.project_id = p.project_id and i.order_id = p.order_id
        where p.project_id = ${project.id} and p.customer_id = c.customer_id and i.product_id = ${consequent})
    order by c.net_spent_minor desc, c.customer_id
  `.execute(db)
  return result.rows
}

function label(facts: Map<string, ProductFacts>, productId: string): string {
  const name = facts.get(productId)?.name
  return name ? `${name} (${productId})` : productId
}

/**
 * "Customers who buy A also buy B": association rules over the last year's orders (minimum 20
 * orders per pair, lift ≥ 1.5), the strongest by expected revenue. The audience is who bought A
 * in the last 180 days but never B; the expected impact is audience × confidence × B's net revenue
 * per order. Confidence is how surely the pair is above chance (Poisson test of the co-occurrence
 * count against independence).
 */
export async function crossSell(context: RecommendationContext): Promise<Draft[]> {
  const from = addDays(context.asOfDay, 1 - HISTORY_DAYS)
  const to = addDays(context.asOfDay, 1)
  const [orders, facts] = await Promise.all([baskets(context, from, to), productFacts(context, from, to)])
  const mined = mineAssociationRules(orders, { minSupportCount: MIN_SUPPORT_ORDERS, maxItemsetSize: 2, limit: 30 })
  const drafts: Draft[] = []
  const seenPairs = new Set<string>()
  for (const rule of mined.rules) {
    if (drafts.length >= MAX_RULES * 2) break
    const pair = [...rule.antecedent, rule.consequent].sort().join('\u0000')
    if (seenPairs.has(pair)) continue
    seenPairs.add(pair)
    drafts.push(await ruleDraft(context, rule, mined.basketCount, facts, from))
  }
  return drafts.sort((a, b) => (b.impactMinor > a.impactMinor ? 1 : b.impactMinor < a.impactMinor ? -1 : 0)).slice(0, MAX_RULES)
}

async function ruleDraft(context: RecommendationContext, rule: AssociationRule, orders: number, facts: Map<string, ProductFacts>, from: string): Promise<Draft> {
  const consequentValue = e4ToMinor(facts.get(rule.consequent)?.netPerOrderE4 ?? 0n, context.exponent)
  const customers = await audience(context, rule.antecedent, rule.consequent)
  const expected = rule.supportCount / rule.lift
  const impact = (BigInt(Math.round(rule.confidence * 1e6)) * BigInt(customers.length) * consequentValue) / 1_000_000n
  const a = rule.antecedent.map((id) => label(facts, id)).join(' + ')
  const c = label(facts, rule.consequent)
  const n = customers.length
  return {
    type: 'cross_sell',
    title: texts(`Offer ${c} to buyers of ${a}`, `Предложите ${c} покупателям ${a}`),
    why: texts(
      `${rule.supportCount} of ${orders} orders in the last year held both; ${percent(rule.confidence)} of orders with ${a} also had ${c}, ` +
        `${rule.lift.toFixed(1)}× what chance would give. ${n} customers bought ${a} in the last ${AUDIENCE_DAYS} days but never ${c}.`,
      `${rule.supportCount} из ${orders} заказов за год содержали оба товара; в ${percent(rule.confidence)} заказов с ${a} был и ${c} — ` +
        `в ${rule.lift.toFixed(1)} раза чаще случайного. ${n} клиентов купили ${a} за последние ${AUDIENCE_DAYS} дней, но ни разу — ${c}.`,
    ),
    evidence: [
      { label: texts('orders with both', 'заказов с обоими'), value: String(rule.supportCount) },
      { label: texts('orders analysed', 'заказов проанализировано'), value: String(orders) },
      { label: texts('support', 'поддержка'), value: percent(rule.support, 2) },
      { label: texts('confidence', 'достоверность правила'), value: percent(rule.confidence) },
      { label: texts('lift', 'лифт'), value: rule.lift.toFixed(2) },
      { label: texts('customers who bought the first but never the second', 'клиентов купили первый, но не второй'), value: String(n) },
      { label: texts('net revenue per order of the second', 'чистая выручка второго на заказ'), value: context.money(consequentValue) },
    ],
    period: { from, to: context.asOfDay },
    targets: customers.slice(0, MAX_TARGETS).map((row) => ({ customerId: row.customer_id, name: row.name, productId: rule.consequent })),
    products: [...rule.antecedent, rule.consequent].map((productId) => ({ productId, name: facts.get(productId)?.name ?? null })),
    impactMinor: impact,
    impactMethod: texts(
      `Customers who bought the first product but never the second × the rule's confidence (${percent(rule.confidence)}) × the second product's net revenue per order.`,
      `Клиенты, купившие первый товар, но не второй × достоверность правила (${percent(rule.confidence)}) × чистая выручка второго товара на заказ.`,
    ),
    confidence: 1 - excessPValue(rule.supportCount, expected),
  }
}
