import type { Locale, SummarySection } from '@rapport/shared'

type Kind = SummarySection['kind']

/** Formatted facts by id, for the templates. */
export type Show = (id: string) => string

/** The deterministic summary's sentences in one language. Every figure comes from `show`. */
export interface SummaryMessages {
  titles: Record<Kind, string>
  /** "in March 2011" / "from 1 March 2011 to 14 March 2011". */
  period(show: Show, wholeMonth: boolean): string
  headline(show: Show, period: string, direction: 'up' | 'down' | 'flat' | 'none'): string
  revenue(show: Show, hasComparison: boolean): string
  orders(show: Show, hasChange: boolean): string
  customers(show: Show, hasChange: boolean): string
  refunds(show: Show): string
  mover(show: Show, id: string, direction: 'rising' | 'falling', kind: 'product' | 'country'): string
  topCountry(show: Show, id: string): string
  noMovers: string
  forecast(show: Show): string
  noForecast: string
  winBack(show: Show): string
  investigate(show: Show): string
  promote(show: Show): string
  acquire(show: Show): string
  /** One of the project's recommended actions (`actions.N`). */
  recommended(show: Show, id: string): string
  noActions: string
}

/** A formatted change without its sign, for sentences that say the direction in words. */
function unsigned(text: string): string {
  return text.replace(/^[-−+]/, '')
}

const CONFIDENCE_RU: Record<string, string> = { high: 'высокая', medium: 'средняя', low: 'низкая' }

/** Russian plural form for a count: 1 заказ, 2 заказа, 5 заказов. */
function ru(count: string, one: string, few: string, many: string): string {
  const n = Number(count.replace(/\D/g, ''))
  const form = new Intl.PluralRules('ru-RU').select(n)
  return `${count} ${form === 'one' ? one : form === 'few' ? few : many}`
}

const en: SummaryMessages = {
  titles: { changes: 'What changed', drivers: 'What drove it', forecast: 'What the forecast says', actions: 'What to do next' },
  period: (show, wholeMonth) => (wholeMonth ? `in ${show('period.month')}` : `from ${show('period.from')} to ${show('period.last')}`),
  headline: (show, period, direction) =>
    direction === 'none'
      ? `Net revenue ${period} was ${show('revenue.net')}`
      : direction === 'flat'
        ? `Net revenue held at ${show('revenue.net')} ${period}`
        : `Net revenue ${direction === 'up' ? 'rose' : 'fell'} ${unsigned(show('revenue.net.change'))} to ${show('revenue.net')} ${period}`,
  revenue: (show, hasComparison) =>
    hasComparison
      ? `Net revenue was ${show('revenue.net')} against ${show('revenue.net.previous')} in the previous period (${show('revenue.net.delta')}).`
      : `Net revenue was ${show('revenue.net')}; there is nothing to compare it with before the period.`,
  orders: (show, hasChange) =>
    `${show('orders')} orders${hasChange ? ` (${show('orders.change')})` : ''}, ${show('aov')} per order on average.`,
  customers: (show, hasChange) =>
    `${show('customers.paying')} paying customers${hasChange ? ` (${show('customers.paying.change')})` : ''}, ${show('customers.new')} of them new.`,
  refunds: (show) => `Refunds came to ${show('revenue.refunds')}.`,
  mover: (show, id, direction, kind) =>
    `${kind === 'product' ? 'Product' : 'Country'} ${show(`${id}.name`)} ${direction === 'rising' ? 'grew' : 'fell'} by ${unsigned(show(`${id}.delta`))} to ${show(`${id}.net`)}.`,
  topCountry: (show, id) => `${show(`${id}.name`)} brought ${show(`${id}.share`)} of net revenue (${show(`${id}.net`)}).`,
  noMovers: 'No product or country changed significantly against the previous period.',
  forecast: (show) =>
    `Net revenue in ${show('forecast.month')} is forecast at ${show('forecast.value')} (${show('forecast.level')} interval ${show('forecast.lower80')} to ${show('forecast.upper80')}).`,
  noForecast: 'There is not enough history for a forecast yet.',
  winBack: (show) =>
    `Win back the ${show('segments.slipping.customers')} customers who are slipping away: they brought ${show('segments.slipping.revenue')} so far (${show('segments.slipping.share')} of lifetime revenue).`,
  investigate: (show) => `Find out why ${show('products.falling.1.name')} fell (${show('products.falling.1.delta')}): stock, price or season.`,
  promote: (show) => `Keep ${show('products.rising.1.name')} in stock and feature it: it grew by ${show('products.rising.1.delta')}.`,
  acquire: (show) => `Bring in new customers: their number changed by ${show('customers.new.change')}.`,
  recommended: (show, id) => `${show(`${id}.title`)} (expected ${show(`${id}.impact`)} more in ${show('actions.horizon')} days, ${show(`${id}.confidence`)} confidence).`,
  noActions: 'Nothing stands out that needs action; keep watching the figures.',
}

const russian: SummaryMessages = {
  titles: { changes: 'Что изменилось', drivers: 'Что повлияло', forecast: 'Что говорит прогноз', actions: 'Что сделать' },
  period: (show, wholeMonth) => (wholeMonth ? `за ${show('period.month')}` : `с ${show('period.from')} по ${show('period.last')}`),
  headline: (show, period, direction) =>
    direction === 'none'
      ? `Чистая выручка ${period} — ${show('revenue.net')}`
      : direction === 'flat'
        ? `Чистая выручка ${period} не изменилась: ${show('revenue.net')}`
        : `Чистая выручка ${period} ${direction === 'up' ? 'выросла' : 'снизилась'} на ${unsigned(show('revenue.net.change'))} до ${show('revenue.net')}`,
  revenue: (show, hasComparison) =>
    hasComparison
      ? `Чистая выручка — ${show('revenue.net')} против ${show('revenue.net.previous')} в предыдущем периоде (${show('revenue.net.delta')}).`
      : `Чистая выручка — ${show('revenue.net')}; сравнить не с чем: до периода продаж не было.`,
  orders: (show, hasChange) =>
    `${ru(show('orders'), 'заказ', 'заказа', 'заказов')}${hasChange ? ` (${show('orders.change')})` : ''}, в среднем ${show('aov')} за заказ.`,
  customers: (show, hasChange) =>
    `Покупали ${ru(show('customers.paying'), 'клиент', 'клиента', 'клиентов')}${hasChange ? ` (${show('customers.paying.change')})` : ''}, из них новых — ${show('customers.new')}.`,
  refunds: (show) => `Возвраты — ${show('revenue.refunds')}.`,
  mover: (show, id, direction, kind) =>
    `${kind === 'product' ? 'Товар' : 'Страна'} ${show(`${id}.name`)}: ${direction === 'rising' ? 'рост' : 'падение'} на ${unsigned(show(`${id}.delta`))}, до ${show(`${id}.net`)}.`,
  topCountry: (show, id) => `${show(`${id}.name`)} — ${show(`${id}.share`)} чистой выручки (${show(`${id}.net`)}).`,
  noMovers: 'Ни один товар и ни одна страна заметно не изменились по сравнению с предыдущим периодом.',
  forecast: (show) =>
    `Прогноз чистой выручки на ${show('forecast.month')}: ${show('forecast.value')} (с вероятностью ${show('forecast.level')}: от ${show('forecast.lower80')} до ${show('forecast.upper80')}).`,
  noForecast: 'Истории продаж пока мало для прогноза.',
  winBack: (show) =>
    `Верните ${ru(show('segments.slipping.customers'), 'уходящего клиента', 'уходящих клиента', 'уходящих клиентов')}: они принесли ${show('segments.slipping.revenue')} (${show('segments.slipping.share')} всей выручки).`,
  investigate: (show) => `Выясните, почему упали продажи товара ${show('products.falling.1.name')} (${show('products.falling.1.delta')}): наличие, цена или сезон.`,
  promote: (show) => `Держите товар ${show('products.rising.1.name')} в наличии и продвигайте его: рост на ${show('products.rising.1.delta')}.`,
  acquire: (show) => `Привлекайте новых клиентов: их число изменилось на ${show('customers.new.change')}.`,
  recommended: (show, id) =>
    `${show(`${id}.title`)} (ожидаемый прирост за ${show('actions.horizon')} дней — ${show(`${id}.impact`)}, уверенность: ${CONFIDENCE_RU[show(`${id}.confidence`)] ?? show(`${id}.confidence`)}).`,
  noActions: 'Ничего не требует срочных действий; продолжайте следить за показателями.',
}

export const SUMMARY_MESSAGES: Record<Locale, SummaryMessages> = { en, ru: russian }
