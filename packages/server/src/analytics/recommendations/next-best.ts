import { type Kysely, sql } from 'kysely'
import type { Database, NextProductEvidenceRow } from '../../db/schema.js'
import { addDays } from '../calendar.js'
import { e4ToMinor } from '../money.js'
import { createNextBestScorer, type NextBestProduct } from '../recommend/index.js'
import { localMidnight } from '../report.repository.js'
import type { ProjectRow } from '../../projects/project.repository.js'
import { createContext, type Draft, type RecommendationContext, ruPlural, texts } from './draft.js'
import { productFacts, purchaseLines } from './purchase-history.js'

/** Purchase history the neighbours are found in. */
const HISTORY_DAYS = 730
/** The audience: customers who ordered this recently, most valuable first. */
const ACTIVE_DAYS = 90
const MAX_TARGETS = 200
/** Assumed share of targeted customers who buy the proposed product; outcomes measure the real one. */
const ASSUMED_CONVERSION = 0.1

/** The project's two-year purchase history made ready to score customers, and the products' names and values. */
async function loadScorer(context: RecommendationContext) {
  const to = addDays(context.asOfDay, 1)
  const [lines, facts] = await Promise.all([purchaseLines(context, addDays(to, -HISTORY_DAYS), to), productFacts(context, addDays(to, -HISTORY_DAYS), to)])
  const scorer = createNextBestScorer(lines, { productName: (productId) => facts.get(productId)?.name ?? productId, limit: 10 })
  return { scorer, facts }
}

/** Up to 10 never-bought products per customer, from what similar customers bought lately and recent popularity. */
export async function computeNextProducts(context: RecommendationContext, customerIds: readonly string[]) {
  const { scorer, facts } = await loadScorer(context)
  const lists = new Map(customerIds.map((customerId) => [customerId, scorer.recommend(customerId)]))
  return { lists, facts }
}

/** Customers scored between two yields of the event loop. */
const CHUNK = 100

/**
 * Computes and stores the next best products of every customer with a purchase in the last two
 * years, a chunk at a time, giving the event loop back between chunks so a big project (12 s of
 * scoring for the 4,300 customers of the online-retail data) doesn't stall other requests.
 * Returns every list, for the recommendation built from them.
 */
export async function refreshAllNextProducts(context: RecommendationContext) {
  const { scorer, facts } = await loadScorer(context)
  const lists = new Map<string, NextBestProduct[]>()
  for (let start = 0; start < scorer.customers.length; start += CHUNK) {
    const chunk = new Map(scorer.customers.slice(start, start + CHUNK).map((customerId) => [customerId, scorer.recommend(customerId)]))
    await storeNextProducts(context.db, context.project.id, chunk, (productId) => facts.get(productId)?.name ?? null)
    for (const [customerId, products] of chunk) lists.set(customerId, products)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { lists, facts }
}

/** The evidence as stored, naming the co-bought product the way the English reason does. */
function evidenceRow(product: NextBestProduct, names: (productId: string) => string | null): NextProductEvidenceRow {
  const evidence = product.evidence
  return evidence.kind === 'co-purchase' ? { ...evidence, withProductName: names(evidence.withProductId) ?? evidence.withProductId } : evidence
}

/** Replaces the stored next best products of these customers. */
export async function storeNextProducts(db: Kysely<Database>, projectId: string, lists: Map<string, NextBestProduct[]>, names: (productId: string) => string | null): Promise<void> {
  const customers = [...lists.keys()]
  if (customers.length === 0) return
  await db.deleteFrom('customer_next_products').where('project_id', '=', projectId).where('customer_id', 'in', customers).execute()
  const rows = [...lists].flatMap(([customerId, products]) =>
    products.map((product, index) => ({
      project_id: projectId,
      customer_id: customerId,
      rank: index + 1,
      product_id: product.productId,
      name: names(product.productId),
      score: product.score,
      reason: product.reason,
      evidence: JSON.stringify(evidenceRow(product, names)),
    })),
  )
  for (let start = 0; start < rows.length; start += 2000) {
    await db.insertInto('customer_next_products').values(rows.slice(start, start + 2000)).execute()
  }
}

/**
 * "Propose each active valuable customer the product they are most likely to buy next." The
 * audience is the most valuable customers (predicted 365-day value, else net spent) who ordered
 * in the last 90 days; each gets their top product. Every customer's list is refreshed and
 * stored on the way, for `customers.get`.
 */
export async function nextBestProductDraft(context: RecommendationContext): Promise<Draft[]> {
  const { db, project } = context
  const since = localMidnight(addDays(context.asOfDay, 1 - ACTIVE_DAYS), project.timezone)
  const audience = await sql<{ customer_id: string; name: string | null }>`
    select customer_id, name from customers
    where project_id = ${project.id} and last_purchase_at >= ${since}
    order by coalesce(predicted_value_365_minor, net_spent_minor) desc, customer_id
    limit ${MAX_TARGETS}
  `.execute(db)
  if (audience.rows.length === 0) return []
  const { lists, facts } = await refreshAllNextProducts(context)
  const targets = audience.rows.flatMap((row) => {
    const top = lists.get(row.customer_id)?.[0]
    return top ? [{ customerId: row.customer_id, name: row.name, productId: top.productId }] : []
  })
  if (targets.length === 0) return []
  const value = targets.reduce((sum, target) => sum + e4ToMinor(facts.get(target.productId ?? '')?.netPerOrderE4 ?? 0n, context.exponent), 0n)
  const counts = new Map<string, number>()
  for (const target of targets) counts.set(target.productId ?? '', (counts.get(target.productId ?? '') ?? 0) + 1)
  const common = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5)
  const impact = (value * BigInt(ASSUMED_CONVERSION * 1000)) / 1000n
  const n = targets.length
  const topName = facts.get(common[0]?.[0] ?? '')?.name ?? common[0]?.[0]
  return [
    {
      type: 'next_best_product',
      title: texts(
        `Propose ${n} active customers the product each is most likely to buy next`,
        `Предложите ${n} ${ruPlural(n, 'активному клиенту', 'активным клиентам', 'активным клиентам')} товар, который каждый вероятнее всего купит следующим`,
      ),
      why: texts(
        `${n} of the most valuable customers ordered in the last ${ACTIVE_DAYS} days. For each, the product they have not bought ` +
          `that similar customers bought lately (blended with recent popularity); the most proposed is ${topName} (${common[0]?.[1]} customers).`,
        `${n} самых ценных клиентов заказывали за последние ${ACTIVE_DAYS} дней. Каждому — товар, которого он ещё не покупал, ` +
          `а похожие клиенты недавно купили (с учётом популярности); чаще всего предлагается ${topName} (${common[0]?.[1]} клиентам).`,
      ),
      evidence: [
        { label: texts('customers', 'клиентов'), value: String(n) },
        ...common.map(([productId, count]) => ({
          label: texts(`proposed: ${facts.get(productId)?.name ?? productId}`, `предложено: ${facts.get(productId)?.name ?? productId}`),
          value: String(count),
        })),
        { label: texts('net revenue per order of the proposed products, summed', 'чистая выручка предложенных товаров на заказ, сумма'), value: context.money(value) },
      ],
      period: { from: addDays(context.asOfDay, 1 - HISTORY_DAYS), to: context.asOfDay },
      targets,
      products: common.map(([productId]) => ({ productId, name: facts.get(productId)?.name ?? null })),
      impactMinor: impact,
      impactMethod: texts(
        `The proposed products' net revenue per order, summed over the customers, × an assumed ${ASSUMED_CONVERSION * 100}% conversion ` +
          '(not measured yet for this project: the held-out control group measures the real effect).',
        `Чистая выручка предложенных товаров на заказ, сумма по клиентам, × предполагаемая конверсия ${ASSUMED_CONVERSION * 100}% ` +
          '(для проекта ещё не измерена: реальный эффект измерит отложенная контрольная группа).',
      ),
      confidence: 0.5,
    },
  ]
}

/**
 * The customer's stored next best products, computed and stored first when missing (a customer
 * outside the last issued audience). Costs one pass over the project's two-year purchase history.
 */
export async function nextProductsFor(db: Kysely<Database>, project: ProjectRow, customerId: string) {
  const stored = await db.selectFrom('customer_next_products').selectAll().where('project_id', '=', project.id).where('customer_id', '=', customerId).orderBy('rank').execute()
  if (stored.length > 0) return stored
  const last = await sql<{ day: string | null }>`select max(day)::text as day from daily_sales where project_id = ${project.id} and orders > 0`.execute(db)
  const asOfDay = last.rows[0]?.day
  if (!asOfDay) return []
  const { lists, facts } = await computeNextProducts(createContext(db, project, asOfDay), [customerId])
  await storeNextProducts(db, project.id, lists, (productId) => facts.get(productId)?.name ?? null)
  return (lists.get(customerId) ?? []).map((product, index) => ({
    project_id: project.id,
    customer_id: customerId,
    rank: index + 1,
    product_id: product.productId,
    name: facts.get(product.productId)?.name ?? null,
    score: product.score,
    reason: product.reason,
    evidence: evidenceRow(product, (productId) => facts.get(productId)?.name ?? null),
  }))
}
