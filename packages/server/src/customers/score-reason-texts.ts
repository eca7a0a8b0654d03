import { currencyExponent, formatMinorUnits, type Locale, type ScoreReason } from '@rapport/shared'
import { todayIn } from '../analytics/calendar.js'
import { ENGAGEMENT_DAYS } from '../analytics/lead-scores.js'
import { ruPlural } from '../analytics/recommendations/draft.js'
import type { ProjectRow } from '../projects/project.repository.js'
import type { CustomerRow } from './customer.repository.js'

const NOT_COUNTED_RU = 'не учитывается, остальные баллы пересчитаны на 100'

/**
 * The lead score reasons with `detail` in the reader's language. The stored details are English
 * (written with the scores); other languages are worded here from the same figures: the reason's
 * value and the customer's RFM quintiles, last order and net spent, refreshed together with it.
 */
export function scoreReasonsIn(locale: Locale, reasons: readonly ScoreReason[], row: CustomerRow, project: ProjectRow): ScoreReason[] {
  switch (locale) {
    case 'en':
      return [...reasons]
    case 'ru':
      return reasons.map((reason) => ({ ...reason, detail: russianDetail(reason, row, project) }))
  }
}

function quintile(label: string, value: number | null): string {
  return value === null ? '' : ` (квинтиль ${label} ${value} из 5)`
}

function russianDetail(reason: ScoreReason, row: CustomerRow, project: ProjectRow): string {
  switch (reason.factor) {
    case 'recency':
      return row.rfm_recency === null || row.last_purchase_at === null
        ? 'Ещё нет выполненных заказов'
        : `Последний заказ ${todayIn(project.timezone, row.last_purchase_at)} (квинтиль давности ${row.rfm_recency} из 5 среди клиентов проекта)`
    case 'frequency': {
      const orders = reason.value ?? row.orders_count
      return `${orders} ${ruPlural(orders, 'выполненный заказ', 'выполненных заказа', 'выполненных заказов')}${quintile('частоты', row.rfm_frequency)}`
    }
    case 'spend':
      return `Чистые траты ${formatMinorUnits(row.net_spent_minor, currencyExponent(project.currency))} ${project.currency}${quintile('трат', row.rfm_monetary)}`
    case 'engagement': {
      if (reason.maxPoints === 0) return `Проект пока не присылает события track: ${NOT_COUNTED_RU}`
      const count = reason.value ?? 0
      const noun = ruPlural(count, 'отслеженное взаимодействие', 'отслеженных взаимодействия', 'отслеженных взаимодействий')
      return `${count} ${noun} за последние ${ENGAGEMENT_DAYS} ${ruPlural(ENGAGEMENT_DAYS, 'день', 'дня', 'дней')}`
    }
    case 'pActive':
      return reason.value === null || reason.maxPoints === 0
        ? `Для этого клиента ещё нет прогноза (модели нужны заказы и достаточно повторных клиентов): ${NOT_COUNTED_RU}`
        : `P(клиент ещё активен) = ${reason.value.toFixed(2)} по модели BG/NBD`
  }
}
