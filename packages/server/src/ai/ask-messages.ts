import type { Locale } from '@rapport/shared'
import { formatChange, formatDate, formatMoney, formatMonth, formatNumber, formatPercent } from './number-format.js'

/** A product, country or customer in a list: its name and figures already formatted. */
export interface Line {
  name: string
  figures: string
}

/** The deterministic answers' sentences in one language; figures arrive formatted by {@link Formatters}. */
export interface AskMessages {
  period(from: string, lastDay: string, wholeMonth: boolean): string
  revenue(p: { period: string; net: string; change: string | null; previousNet: string; previousPeriod: string }): string
  orders(p: { orders: string; ordersChange: string | null; aov: string; aovChange: string | null }): string
  movers(direction: 'rising' | 'falling', kind: 'product' | 'country', lines: readonly Line[]): string
  noMovers: string
  topProducts(period: string, lines: readonly Line[]): string
  bestCustomers(country: string | null, lines: readonly Line[]): string
  noCustomers(country: string | null): string
  bundles(period: string, orders: string, lines: readonly Line[]): string
  noBundles(period: string): string
  forecast(level: string, lines: readonly Line[]): string
  noForecast: string
  segments(asOf: string, customers: string, lines: readonly Line[]): string
  recommendations(lines: readonly Line[]): string
  recommendationFigures(impact: string, days: string, confidence: string): string
  noRecommendations(reason: string): string
  noSales: string
  cannotAnswer: string
  followUp: { revenue: string; products: string; customers: string; bundles: string; forecast: string; segments: string; recommendations: string }
  together(orders: string, lift: string): string
  customerFigures(spent: string, orders: string): string
  productFigures(net: string, units: string): string
  moverFigures(previous: string, current: string, change: string | null): string
}

/** Number, money, percent and date formatting in the answer's locale and the project's currency. */
export interface Formatters {
  money(amount: string | number): string
  count(value: number): string
  decimal(value: number, digits: number): string
  percent(ratio: number): string
  change(ratio: number): string
  date(date: string): string
  month(date: string): string
}

export function formatters(locale: Locale, currency: string): Formatters {
  return {
    money: (amount) => formatMoney(String(amount), currency, locale),
    count: (value) => formatNumber(value, locale),
    decimal: (value, digits) => formatNumber(value, locale, digits),
    percent: (ratio) => formatPercent(ratio, locale),
    change: (ratio) => formatChange(ratio, locale),
    date: (date) => formatDate(date, locale),
    month: (date) => formatMonth(date, locale),
  }
}

const list = (lines: readonly Line[]) => lines.map((line) => `\n- ${line.name}: ${line.figures}`).join('')

const en: AskMessages = {
  period: (from, lastDay, wholeMonth) => (wholeMonth ? `in ${from}` : `from ${from} to ${lastDay}`),
  revenue: (p) =>
    p.change === null
      ? `Net revenue ${p.period} was ${p.net}; the previous period (${p.previousPeriod}) had ${p.previousNet}, so there is no relative change to report.`
      : `Net revenue ${p.period} was ${p.net}, ${p.change.startsWith('−') ? 'down' : 'up'} ${p.change.replace(/^[+−]/, '')} from ${p.previousNet} in the previous period (${p.previousPeriod}).`,
  orders: (p) =>
    `Orders: ${p.orders}${p.ordersChange === null ? '' : ` (${p.ordersChange})`}; average order value ${p.aov}${p.aovChange === null ? '' : ` (${p.aovChange})`}.`,
  movers: (direction, kind, lines) =>
    `${direction === 'falling' ? 'Biggest falls' : 'Biggest rises'} by ${kind === 'product' ? 'product' : 'country'}:${list(lines)}`,
  noMovers: 'No product or country changed significantly against the previous period.',
  topProducts: (period, lines) => `Top products by net revenue ${period}:${list(lines)}`,
  bestCustomers: (country, lines) => `Best customers${country === null ? '' : ` in ${country}`} by lifetime net spent:${list(lines)}`,
  noCustomers: (country) => (country === null ? 'There are no customers with orders yet.' : `There are no customers with the country ${country} in the data.`),
  bundles: (period, orders, lines) => `Products bought together far more often than chance (${period}, ${orders} orders):${list(lines)}`,
  noBundles: (period) => `No products are bought together often enough ${period} to suggest a bundle.`,
  forecast: (level, lines) => `Forecast net revenue (${level} intervals):${list(lines)}`,
  noForecast: 'There is not enough sales history for a forecast yet.',
  segments: (asOf, customers, lines) => `Customer segments as of ${asOf} (${customers} customers with orders):${list(lines)}`,
  recommendations: (lines) => `The recommended actions, most valuable first:${list(lines)}`,
  recommendationFigures: (impact, days, confidence) => `expected ${impact} more in ${days} days, ${confidence} confidence`,
  noRecommendations: (reason) => `There are no recommendations yet: ${reason}`,
  noSales: 'There are no sales in this project yet, so there is nothing to answer from.',
  cannotAnswer:
    "I can't answer that without an AI model configured. Without one I answer questions about revenue changes, top products, best customers (in a country), products bought together, the forecast, customer segments and what to do next.",
  followUp: {
    revenue: 'What are my top products?',
    products: 'Which products should I bundle?',
    customers: 'Which customers are at risk of leaving?',
    bundles: 'What are my top products?',
    forecast: 'Why did revenue change last month?',
    segments: 'Who are my best customers?',
    recommendations: 'Which customers are at risk of leaving?',
  },
  together: (orders, lift) => `together in ${orders} orders, ${lift} times more often than chance`,
  customerFigures: (spent, orders) => `${spent} over ${orders} orders`,
  productFigures: (net, units) => `${net} (${units} units)`,
  moverFigures: (previous, current, change) => `${previous} → ${current}${change === null ? '' : ` (${change})`}`,
}

const ru: AskMessages = {
  period: (from, lastDay, wholeMonth) => (wholeMonth ? `за ${from}` : `с ${from} по ${lastDay}`),
  revenue: (p) =>
    p.change === null
      ? `Чистая выручка ${p.period} — ${p.net}; в предыдущем периоде (${p.previousPeriod}) — ${p.previousNet}, относительное изменение посчитать нельзя.`
      : `Чистая выручка ${p.period} — ${p.net}: ${p.change.startsWith('−') ? 'снижение' : 'рост'} на ${p.change.replace(/^[+−]/, '')} по сравнению с ${p.previousNet} в предыдущем периоде (${p.previousPeriod}).`,
  orders: (p) =>
    `Заказы: ${p.orders}${p.ordersChange === null ? '' : ` (${p.ordersChange})`}; средний чек ${p.aov}${p.aovChange === null ? '' : ` (${p.aovChange})`}.`,
  movers: (direction, kind, lines) =>
    `${direction === 'falling' ? 'Сильнее всего упали' : 'Сильнее всего выросли'} ${kind === 'product' ? 'товары' : 'страны'}:${list(lines)}`,
  noMovers: 'Ни один товар и ни одна страна заметно не изменились по сравнению с предыдущим периодом.',
  topProducts: (period, lines) => `Лучшие товары по чистой выручке ${period}:${list(lines)}`,
  bestCustomers: (country, lines) => `Лучшие клиенты${country === null ? '' : ` (страна: ${country})`} по сумме покупок за всё время:${list(lines)}`,
  noCustomers: (country) => (country === null ? 'Клиентов с заказами пока нет.' : `В данных нет клиентов из страны ${country}.`),
  bundles: (period, orders, lines) => `Товары, которые покупают вместе гораздо чаще случайного (${period}, заказов: ${orders}):${list(lines)}`,
  noBundles: (period) => `Нет товаров, которые ${period} покупали бы вместе достаточно часто для комплекта.`,
  forecast: (level, lines) => `Прогноз чистой выручки (интервалы с вероятностью ${level}):${list(lines)}`,
  noForecast: 'Истории продаж пока мало для прогноза.',
  segments: (asOf, customers, lines) => `Сегменты клиентов на ${asOf} (клиентов с заказами: ${customers}):${list(lines)}`,
  recommendations: (lines) => `Рекомендуемые действия, от самого ценного:${list(lines)}`,
  recommendationFigures: (impact, days, confidence) => `ожидаемый прирост за ${days} дней — ${impact}, уверенность: ${({ high: 'высокая', medium: 'средняя', low: 'низкая' } as Record<string, string>)[confidence] ?? confidence}`,
  noRecommendations: (reason) => `Рекомендаций пока нет: ${reason}`,
  noSales: 'В этом проекте пока нет продаж, отвечать не из чего.',
  cannotAnswer:
    'Я не могу ответить на этот вопрос без подключённой AI-модели. Без неё я отвечаю на вопросы об изменении выручки, лучших товарах, лучших клиентах (в том числе по стране), товарах, которые покупают вместе, прогнозе, сегментах клиентов и о том, что делать дальше.',
  followUp: {
    revenue: 'Какие товары самые популярные?',
    products: 'Какие товары стоит продавать комплектом?',
    customers: 'Какие клиенты могут уйти?',
    bundles: 'Какие товары самые популярные?',
    forecast: 'Почему изменилась выручка в прошлом месяце?',
    segments: 'Кто мои лучшие клиенты?',
    recommendations: 'Какие клиенты могут уйти?',
  },
  together: (orders, lift) => `вместе в ${orders} заказах, в ${lift} раза чаще случайного`,
  customerFigures: (spent, orders) => `${spent}, заказов: ${orders}`,
  productFigures: (net, units) => `${net} (${units} шт.)`,
  moverFigures: (previous, current, change) => `${previous} → ${current}${change === null ? '' : ` (${change})`}`,
}

export const ASK_MESSAGES: Record<Locale, AskMessages> = { en, ru }
