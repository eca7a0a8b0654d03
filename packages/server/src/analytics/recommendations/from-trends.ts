import { formatMinorUnits, type Mover, parseScaledDecimal, type Trends } from '@rapport/shared'
import { addDays } from '../calendar.js'
import { toBigInt, toCount } from '../money.js'
import { breakdown } from '../report.repository.js'
import { comparePoissonCounts } from '../stats/index.js'
import { buildTrends } from '../trends.service.js'
import { type Draft, percent, type RecommendationContext, texts } from './draft.js'

/** Movers compare the last 90 days with the 90 before. */
export const TREND_DAYS = 90
const MOVERS_PER_KIND = 2
const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
/** Accusative ("в понедельник") for titles and prepositional-free forms for figures. */
const WEEKDAYS_RU = ['', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу', 'воскресенье']

function toMinor(decimal: string, exponent: number): bigint {
  const negative = decimal.startsWith('-')
  const parsed = parseScaledDecimal(negative ? decimal.slice(1) : decimal, exponent)
  const value = parsed.ok ? parsed.value : 0n
  return negative ? -value : value
}

interface Window {
  from: string
  to: string
  previousFrom: string
}

function moverDraft(context: RecommendationContext, window: Window, mover: Mover, kind: 'rising_product' | 'falling_product' | 'strongest_market' | 'falling_market', what: string): Draft {
  const now = toMinor(mover.current.netRevenue, context.exponent)
  const before = toMinor(mover.previous.netRevenue, context.exponent)
  const delta = now - before
  const label = mover.name ? `${mover.name} (${mover.key})` : mover.key
  const change = mover.growth === null ? 'from nothing' : `${mover.growth > 0 ? '+' : ''}${percent(mover.growth)}`
  const rising = kind === 'rising_product' || kind === 'strongest_market'
  const whatRu = what === 'country' ? 'страну' : what === 'channel' ? 'канал' : 'товар'
  const titles = {
    rising_product: texts(`Stock up and promote ${label}: sales rising ${change}`, `Пополните запас и продвигайте ${label}: продажи растут ${change === 'from nothing' ? 'с нуля' : change}`),
    falling_product: texts(`Investigate ${label}: sales falling ${change}`, `Разберитесь с ${label}: продажи падают ${change}`),
    strongest_market: texts(`Invest in ${what} ${label}: revenue rising ${change}`, `Вкладывайтесь в ${whatRu} ${label}: выручка растёт ${change === 'from nothing' ? 'с нуля' : change}`),
    falling_market: texts(`Find out why ${what} ${label} is falling ${change}`, `Выясните, почему падает ${what === 'country' ? 'страна' : 'канал'} ${label}: ${change}`),
  }
  const perMonth = (delta < 0n ? -delta : delta) / 3n
  return {
    type: kind,
    title: titles[kind],
    why: texts(
      `Net revenue ${context.money(now)} in the last ${TREND_DAYS} days against ${context.money(before)} in the ${TREND_DAYS} before ` +
        `(${mover.current.orders} orders against ${mover.previous.orders}; p = ${mover.pValue.toPrecision(2)} that the order counts differ by chance).`,
      `Чистая выручка ${context.money(now)} за последние ${TREND_DAYS} дней против ${context.money(before)} за ${TREND_DAYS} дней до них ` +
        `(заказов ${mover.current.orders} против ${mover.previous.orders}; p = ${mover.pValue.toPrecision(2)}, что разница случайна).`,
    ),
    evidence: [
      { label: texts('net revenue, last 90 days', 'чистая выручка, последние 90 дней'), value: context.money(now) },
      { label: texts('net revenue, 90 days before', 'чистая выручка, 90 дней до этого'), value: context.money(before) },
      { label: texts('orders, last 90 days', 'заказы, последние 90 дней'), value: String(mover.current.orders) },
      { label: texts('orders, 90 days before', 'заказы, 90 дней до этого'), value: String(mover.previous.orders) },
      { label: texts('p-value', 'p-значение'), value: mover.pValue.toPrecision(2) },
    ],
    period: { from: window.previousFrom, to: addDays(window.to, -1) },
    targets: [],
    products: kind === 'rising_product' || kind === 'falling_product' ? [{ productId: mover.key, name: mover.name }] : [],
    impactMinor: perMonth,
    impactMethod: rising
      ? texts(
          'The 90-day gain spread over 30 days: what another month at the new level adds if it holds.',
          'Прирост за 90 дней в пересчёте на 30 дней: столько добавит ещё месяц на новом уровне, если он сохранится.',
        )
      : texts(
          'The 90-day loss spread over 30 days: the monthly revenue at stake if the fall is not stopped.',
          'Потеря за 90 дней в пересчёте на 30 дней: месячная выручка под угрозой, если падение не остановить.',
        ),
    confidence: 1 - mover.pValue,
  }
}

/** Significant order-count movers among channels (the trends cover products and countries). */
async function channelMovers(context: RecommendationContext, window: Window): Promise<{ rising: Mover[]; falling: Mover[] }> {
  const [now, before] = await Promise.all([
    breakdown(context.db, context.project, { from: window.from, to: window.to }, 'channel'),
    breakdown(context.db, context.project, { from: window.previousFrom, to: window.from }, 'channel'),
  ])
  const previous = new Map(before.filter((row) => row.value !== null).map((row) => [row.value, row]))
  const movers = now
    .filter((row) => row.value !== null)
    .map((row): Mover => {
      const old = previous.get(row.value)
      const netNow = toBigInt(row.gross) - toBigInt(row.refunds)
      const netBefore = old ? toBigInt(old.gross) - toBigInt(old.refunds) : 0n
      const fmt = (minor: bigint) => formatMinorUnits(minor, context.exponent)
      return {
        key: row.value ?? '',
        name: null,
        current: { netRevenue: fmt(netNow), orders: toCount(row.orders) },
        previous: { netRevenue: fmt(netBefore), orders: toCount(old?.orders) },
        growth: netBefore === 0n ? null : Number(netNow - netBefore) / Math.abs(Number(netBefore)),
        pValue: comparePoissonCounts(toCount(row.orders), toCount(old?.orders)).pValue,
      }
    })
    .filter((mover) => mover.pValue < 0.05)
  return {
    rising: movers.filter((m) => m.current.orders > m.previous.orders).sort((a, b) => b.current.orders - b.previous.orders - (a.current.orders - a.previous.orders)),
    falling: movers.filter((m) => m.current.orders < m.previous.orders).sort((a, b) => a.current.orders - a.previous.orders - (b.current.orders - b.previous.orders)),
  }
}

function contactTimeDraft(context: RecommendationContext, window: Window, trends: Trends): Draft[] {
  const weekdays = trends.seasonality.weekday
  const hours = trends.seasonality.hour
  const total = weekdays.reduce((sum, row) => sum + row.orders, 0)
  if (total < 50) return []
  const bestDay = [...weekdays].sort((a, b) => b.orders - a.orders)[0]
  const bestHour = [...hours].sort((a, b) => b.orders - a.orders)[0]
  if (!bestDay || !bestHour) return []
  const openDays = weekdays.filter((row) => row.orders > 0).length
  const openHours = hours.filter((row) => row.orders > 0).length
  // The best slot against the average open slot: is it really busier?
  const dayTest = comparePoissonCounts(bestDay.orders, Math.round(total / openDays))
  const hourTest = comparePoissonCounts(bestHour.orders, Math.round(total / openHours))
  const hour = `${String(bestHour.hour).padStart(2, '0')}:00–${String((bestHour.hour + 1) % 24).padStart(2, '0')}:00`
  const day = WEEKDAYS[bestDay.weekday] ?? ''
  const dayRu = WEEKDAYS_RU[bestDay.weekday] ?? ''
  return [
    {
      type: 'best_contact_time',
      title: texts(`Send campaigns on ${day}, around ${hour}`, `Отправляйте рассылки в ${dayRu}, около ${hour}`),
      why: texts(
        `In the last ${TREND_DAYS} days ${percent(bestDay.orderShare)} of orders came on ${day} (against ${percent(1 / openDays)} ` +
          `for an average trading day) and ${percent(bestHour.orderShare)} between ${hour} (${context.project.timezone}).`,
        `За последние ${TREND_DAYS} дней ${percent(bestDay.orderShare)} заказов пришлось на ${dayRu} (против ${percent(1 / openDays)} ` +
          `в средний торговый день) и ${percent(bestHour.orderShare)} — на ${hour} (${context.project.timezone}).`,
      ),
      evidence: [
        { label: texts('orders analysed', 'заказов проанализировано'), value: String(total) },
        { label: texts(`orders on ${day}`, `заказов в ${dayRu}`), value: `${bestDay.orders} (${percent(bestDay.orderShare)})` },
        { label: texts(`orders at ${hour}`, `заказов в ${hour}`), value: `${bestHour.orders} (${percent(bestHour.orderShare)})` },
        { label: texts('days with orders', 'дней недели с заказами'), value: `${openDays} / 7` },
      ],
      period: { from: window.from, to: addDays(window.to, -1) },
      targets: [],
      products: [],
      impactMinor: 0n,
      impactMethod: texts(
        'Not estimated: timing changes when customers hear from you, not how much they want; measure it with a campaign test.',
        'Не оценивается: время влияет на то, когда клиенты услышат вас, а не на спрос; измерьте его тестом рассылки.',
      ),
      confidence: Math.min(1 - dayTest.pValue, 1 - hourTest.pValue),
    },
  ]
}

/** Rising and falling products, the best time to contact customers, and the strongest and falling countries and channels. */
export async function fromTrends(context: RecommendationContext): Promise<Draft[]> {
  const to = addDays(context.asOfDay, 1)
  const window: Window = { from: addDays(to, -TREND_DAYS), to, previousFrom: addDays(to, -2 * TREND_DAYS) }
  const [trends, channels] = await Promise.all([
    buildTrends(context.db, context.project, { from: window.from, to: window.to, interval: 'week', limit: MOVERS_PER_KIND }),
    channelMovers(context, window),
  ])
  const drafts: Draft[] = [
    ...trends.products.rising.map((mover) => moverDraft(context, window, mover, 'rising_product', 'product')),
    ...trends.products.falling.map((mover) => moverDraft(context, window, mover, 'falling_product', 'product')),
    ...trends.countries.rising.slice(0, 1).map((mover) => moverDraft(context, window, mover, 'strongest_market', 'country')),
    ...trends.countries.falling.slice(0, 1).map((mover) => moverDraft(context, window, mover, 'falling_market', 'country')),
    ...channels.rising.slice(0, 1).map((mover) => moverDraft(context, window, mover, 'strongest_market', 'channel')),
    ...channels.falling.slice(0, 1).map((mover) => moverDraft(context, window, mover, 'falling_market', 'channel')),
    ...contactTimeDraft(context, window, trends),
  ]
  return drafts
}
