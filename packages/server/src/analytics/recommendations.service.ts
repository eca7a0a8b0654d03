import { randomUUID } from 'node:crypto'
import {
  currencyExponent,
  formatMinorUnits,
  type Recommendation,
  type RecommendationOutcome,
  type RecommendationOutcomes,
  type RecommendationOutcomesInput,
  type Recommendations,
  type RecommendationsInput,
  type Locale,
  type RecommendationType,
  recommendationOutcomesInputSchema,
  recommendationsInputSchema,
} from '@rapport/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { addDays, daysBetween, todayIn } from './calendar.js'
import { toBigInt, toCount } from './money.js'
import { confidenceLevel, createContext, CUSTOMER_KINDS, type Draft, type RecommendationContext, type Texts, texts } from './recommendations/draft.js'
import { crossSell, MIN_SUPPORT_ORDERS } from './recommendations/cross-sell.js'
import { fromTrends } from './recommendations/from-trends.js'
import { nextBestProductDraft } from './recommendations/next-best.js'
import { controlIndexes, meanDifference, proportionDifference } from './recommendations/outcome-stats.js'
import { dataChangedSince, latestRun, outcomeRows, readPayload, type StoredRecommendation, type StoredRun, storeRun } from './recommendations/recommendation.repository.js'
import { highRefundProducts } from './recommendations/refund-rates.js'
import { winBack } from './recommendations/win-back.js'
import { refreshAnalytics } from './refresh-analytics.js'

/** Share of the customers of a customer-aimed recommendation held out as the control group. */
export const CONTROL_SHARE = 0.1
/** The outcome window after a recommendation is issued. */
export const OUTCOME_DAYS = 30
/** A stored set is reissued after this long, or sooner when data changed and it is over an hour old. */
const MAX_AGE_MS = 24 * 3_600_000
const MIN_AGE_WHEN_CHANGED_MS = 3_600_000
/** Below these the project gets "not enough data yet" instead of recommendations built on noise. */
const MIN_ORDERS = 30
const MIN_HISTORY_DAYS = 28

interface History {
  orders: number
  firstDay: string | null
  lastDay: string | null
}

async function history(db: Kysely<Database>, project: ProjectRow): Promise<History> {
  const row = await sql<{ orders: string | number | null; first_day: string | null; last_day: string | null }>`
    select sum(orders) as orders, min(day)::text as first_day, max(day)::text as last_day
    from daily_sales where project_id = ${project.id} and orders > 0
  `.execute(db)
  const first = row.rows[0]
  return { orders: toCount(first?.orders), firstDay: first?.first_day ?? null, lastDay: first?.last_day ?? null }
}

/** Ranks by expected revenue × confidence, but first the best of each kind, so one kind can't fill the list. */
function rank(drafts: Draft[]): Draft[] {
  const value = (draft: Draft) => Number(draft.impactMinor) * draft.confidence + draft.confidence
  const sorted = [...drafts].sort((a, b) => value(b) - value(a) || (a.title.en < b.title.en ? -1 : 1))
  const seen = new Set<RecommendationType>()
  const firsts: Draft[] = []
  const rest: Draft[] = []
  for (const draft of sorted) {
    if (seen.has(draft.type)) rest.push(draft)
    else {
      seen.add(draft.type)
      firsts.push(draft)
    }
  }
  return [...firsts, ...rest]
}

function toRecommendation(context: RecommendationContext, draft: Draft, index: number): StoredRecommendation {
  const control = CUSTOMER_KINDS.has(draft.type) ? controlIndexes(draft.targets.length, CONTROL_SHARE) : new Set<number>()
  const acted = draft.targets.length - control.size
  // The impact was estimated for every target; only those acted on count.
  const impact = draft.targets.length === 0 ? draft.impactMinor : (draft.impactMinor * BigInt(acted)) / BigInt(draft.targets.length)
  const id = randomUUID()
  const inLocale = (locale: Locale): Recommendation => ({
    id,
    rank: index + 1,
    type: draft.type,
    title: draft.title[locale],
    why: draft.why[locale],
    evidence: draft.evidence.map((item) => ({ label: item.label[locale], value: item.value })),
    period: draft.period,
    customers: draft.targets.map((target, i) => ({ ...target, control: control.has(i) })),
    customerCount: acted,
    controlCount: control.size,
    products: draft.products,
    expectedImpact: { revenue: formatMinorUnits(impact, context.exponent), currency: context.project.currency, method: draft.impactMethod[locale] },
    confidence: Math.max(0, Math.min(1, draft.confidence)),
    confidenceLevel: confidenceLevel(draft.confidence),
  })
  return { en: inLocale('en'), ru: inLocale('ru') }
}

const BUILDERS: Array<[(context: RecommendationContext) => Promise<Draft[]>, Texts]> = [
  [
    winBack,
    texts(
      'No win-back list: no valuable repeat customer has been quiet for twice their usual gap.',
      'Нет списка для возврата: ни один ценный постоянный клиент не молчит вдвое дольше обычного интервала.',
    ),
  ],
  [
    crossSell,
    texts(
      `No cross-sell: no pair of products appears together in ${MIN_SUPPORT_ORDERS}+ orders of the last year with a lift of 1.5 or more.`,
      `Нет кросс-продаж: ни одна пара товаров не встречается вместе в ${MIN_SUPPORT_ORDERS}+ заказах за год с лифтом от 1,5.`,
    ),
  ],
  [
    nextBestProductDraft,
    texts('No next-best-product list: no known customer ordered in the last 90 days.', 'Нет следующих товаров: ни один известный клиент не заказывал за последние 90 дней.'),
  ],
  [
    fromTrends,
    texts(
      'No significant product, country or channel movers in the last 90 days against the 90 before.',
      'Нет значимых изменений товаров, стран или каналов за последние 90 дней против 90 предыдущих.',
    ),
  ],
  [highRefundProducts, texts('No product is returned significantly more often than the others.', 'Ни один товар не возвращают значимо чаще других.')],
]

/** Builds, ranks and stores a new set of recommendations. */
export async function issueRecommendations(db: Kysely<Database>, project: ProjectRow, asOfDay: string): Promise<{ run: StoredRun; notes: Texts[] }> {
  const context = createContext(db, project, asOfDay)
  const notes: Texts[] = []
  const drafts: Draft[] = []
  // One after another: each builder's queries are heavy enough on their own.
  for (const [build, empty] of BUILDERS) {
    const found = await build(context)
    if (found.length === 0) notes.push(empty)
    drafts.push(...found)
  }
  const items = rank(drafts).map((draft, index) => toRecommendation(context, draft, index))
  const run: StoredRun = { runId: randomUUID(), issuedAt: new Date(), items }
  await storeRun(db, project.id, run)
  return { run, notes }
}

function historyLength(past: History): number {
  return past.firstDay && past.lastDay ? daysBetween(past.firstDay, past.lastDay) + 1 : 0
}

/**
 * After a bulk load (an import), issues a new set at once when the project has enough history,
 * so the dashboard's first visit finds fresh recommendations instead of building them.
 */
export async function issueAfterBulkLoad(db: Kysely<Database>, project: ProjectRow): Promise<void> {
  const past = await history(db, project)
  if (past.orders < MIN_ORDERS || historyLength(past) < MIN_HISTORY_DAYS || !past.lastDay) return
  await issueRecommendations(db, project, past.lastDay)
}

/** Projects whose set is being reissued by this process. */
const reissuing = new Set<string>()

/**
 * Issues a new set without making the request wait (6–11 s on a big project). One at a time per
 * project and process; if it fails the old set stays and the next request tries again.
 */
function reissueInBackground(db: Kysely<Database>, project: ProjectRow, asOfDay: string): void {
  if (reissuing.has(project.id)) return
  reissuing.add(project.id)
  issueRecommendations(db, project, asOfDay)
    .catch(() => undefined)
    .finally(() => reissuing.delete(project.id))
}

/** `insights.recommendations`: the project's current set; issued on first use, reissued in the background when data changed. */
export async function buildRecommendations(db: Kysely<Database>, project: ProjectRow, input: RecommendationsInput): Promise<Recommendations> {
  const query = recommendationsInputSchema.parse(input)
  const locale = query.locale
  await refreshAnalytics(db, project)
  const base = { currency: project.currency, timezone: project.timezone }
  const past = await history(db, project)
  const historyDays = historyLength(past)
  if (past.orders < MIN_ORDERS || historyDays < MIN_HISTORY_DAYS || !past.lastDay) {
    return {
      ...base,
      issuedAt: null,
      fresh: true,
      items: [],
      notEnoughData: {
        reason: texts(
          `Recommendations need at least ${MIN_ORDERS} orders over ${MIN_HISTORY_DAYS} days; this project has ${past.orders} over ${historyDays}.`,
          `Для рекомендаций нужно не меньше ${MIN_ORDERS} заказов за ${MIN_HISTORY_DAYS} дней; в проекте ${past.orders} заказов за ${historyDays} дн.`,
        )[locale],
        needed: [
          ...(past.orders < MIN_ORDERS ? [texts(`${MIN_ORDERS - past.orders} more orders`, `ещё ${MIN_ORDERS - past.orders} заказов`)[locale]] : []),
          ...(historyDays < MIN_HISTORY_DAYS
            ? [texts(`${MIN_HISTORY_DAYS - historyDays} more days of sales history`, `ещё ${MIN_HISTORY_DAYS - historyDays} дней истории продаж`)[locale]]
            : []),
          texts('customer ids on purchases (for win-back and next best products)', 'id клиентов в покупках (для возврата клиентов и следующих товаров)')[locale],
        ],
      },
      notes: [],
    }
  }
  const notes: Texts[] = []
  let run = await latestRun(db, project.id)
  if (!run) {
    const issued = await issueRecommendations(db, project, past.lastDay)
    run = issued.run
    notes.push(...issued.notes)
  } else {
    const age = Date.now() - run.issuedAt.getTime()
    if (age > MAX_AGE_MS || (age > MIN_AGE_WHEN_CHANGED_MS && (await dataChangedSince(db, project.id, run.issuedAt)))) {
      reissueInBackground(db, project, past.lastDay)
      notes.push(texts('A newer set is being issued from the latest data; this one is shown meanwhile.', 'Из свежих данных готовится новый набор; пока показан этот.'))
    }
  }
  const today = todayIn(project.timezone)
  if (past.lastDay < addDays(today, -7)) {
    notes.push(texts(`The data ends on ${past.lastDay}: figures and windows are as of that day.`, `Данные заканчиваются ${past.lastDay}: цифры и окна — на этот день.`))
  }
  const fresh = !(await dataChangedSince(db, project.id, run.issuedAt))
  return {
    ...base,
    issuedAt: run.issuedAt.toISOString(),
    fresh,
    items: run.items.slice(0, query.limit).map((item) => item[locale]),
    notEnoughData: null,
    notes: notes.map((note) => note[locale]),
  }
}

/** The outcome in words: significant either way, or not (yet). */
function outcomeVerdict(rate: { estimate: number; lower95: number; upper95: number } | null, complete: boolean): Texts {
  if (rate === null) {
    return texts(
      'No control group (fewer than 10 customers targeted): the effect cannot be measured.',
      'Нет контрольной группы (меньше 10 клиентов): эффект измерить нельзя.',
    )
  }
  const points = (value: number) => (value * 100).toFixed(1)
  const ci = `${points(rate.lower95)} … ${points(rate.upper95)}`
  if (rate.lower95 > 0) {
    return texts(
      `Targeted customers bought more often than the control group: +${points(rate.estimate)} points (95% CI ${ci}).`,
      `Клиенты из рекомендации покупали чаще контрольной группы: +${points(rate.estimate)} п.п. (95% ДИ ${ci}).`,
    )
  }
  if (rate.upper95 < 0) {
    return texts(
      `Targeted customers bought less often than the control group: ${points(rate.estimate)} points (95% CI ${ci}).`,
      `Клиенты из рекомендации покупали реже контрольной группы: ${points(rate.estimate)} п.п. (95% ДИ ${ci}).`,
    )
  }
  return texts(
    `No significant difference yet (${points(rate.estimate)} points, 95% CI ${ci})${complete ? '' : '; the window is still open'}.`,
    `Значимой разницы пока нет (${points(rate.estimate)} п.п., 95% ДИ ${ci})${complete ? '' : '; окно ещё не закрыто'}.`,
  )
}

/** `insights.recommendationOutcomes`: did the customers we targeted buy more than the control group in the next 30 days? */
export async function buildRecommendationOutcomes(db: Kysely<Database>, project: ProjectRow, input: RecommendationOutcomesInput): Promise<RecommendationOutcomes> {
  const query = recommendationOutcomesInputSchema.parse(input)
  const exponent = currencyExponent(project.currency)
  const rows = await outcomeRows(db, project.id, project.currency, query.limit, OUTCOME_DAYS)
  const byId = new Map<string, typeof rows>()
  for (const row of rows) byId.set(row.recommendation_id, [...(byId.get(row.recommendation_id) ?? []), row])
  const items: RecommendationOutcome[] = [...byId.values()].map((group) => {
    const first = group[0] as (typeof rows)[number]
    const issuedAt = new Date(first.issued_at)
    const windowEnd = new Date(issuedAt.getTime() + OUTCOME_DAYS * 86_400_000)
    const side = (control: boolean) => {
      const members = group.filter((row) => row.is_control === control)
      const spent = members.map((row) => toBigInt(row.spent))
      const revenue = spent.reduce((sum, value) => sum + value, 0n)
      const buyers = members.filter((row) => toCount(row.orders) > 0).length
      return {
        group: {
          customers: members.length,
          buyers,
          purchaseRate: members.length === 0 ? null : buyers / members.length,
          revenue: formatMinorUnits(revenue, exponent),
          revenuePerCustomer: members.length === 0 ? null : formatMinorUnits(revenue / BigInt(members.length), exponent),
        },
        buyers,
        n: members.length,
        values: spent.map((value) => Number(value) / 10 ** exponent),
      }
    }
    const targeted = side(false)
    const control = side(true)
    const rate = targeted.n > 0 && control.n > 0 ? proportionDifference(targeted.buyers, targeted.n, control.buyers, control.n) : null
    const revenue = meanDifference(targeted.values, control.values)
    const complete = windowEnd.getTime() <= Date.now()
    const verdict = outcomeVerdict(rate, complete)[query.locale]
    const payload = readPayload(first.payload)[query.locale]
    return {
      recommendationId: first.recommendation_id,
      type: payload.type,
      title: payload.title,
      issuedAt: issuedAt.toISOString(),
      windowEnd: windowEnd.toISOString(),
      complete,
      targeted: targeted.group,
      control: control.group,
      purchaseRateUplift: rate,
      revenuePerCustomerUplift: revenue,
      verdict,
    }
  })
  return { currency: project.currency, windowDays: OUTCOME_DAYS, items }
}
