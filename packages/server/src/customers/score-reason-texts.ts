import { currencyExponent, formatMinorUnits, type Locale, type ScoreReason } from '@rapport/shared'
import { todayIn } from '../analytics/calendar.js'
import { ENGAGEMENT_DAYS } from '../analytics/lead-scores.js'
import { ruPlural } from '../analytics/recommendations/draft.js'
import type { ScoreReasonRow } from '../db/schema.js'
import type { ProjectRow } from '../projects/project.repository.js'
import type { CustomerRow } from './customer.repository.js'

type Reason = Pick<ScoreReasonRow, 'factor' | 'maxPoints'> & { value: number | null }

/**
 * The lead score reasons with `detail` in the reader's language. The scores store figures only;
 * every language is worded here from the same ones: the reason's value and the customer's RFM
 * quintiles, last order and net spent, so the languages never disagree.
 */
export function scoreReasonsIn(locale: Locale, reasons: readonly ScoreReasonRow[], row: CustomerRow, project: ProjectRow): ScoreReason[] {
  const word = locale === 'ru' ? russianDetail : englishDetail
  return reasons.map(({ factor, points, maxPoints, value }) => ({ factor, points, maxPoints, value, detail: word({ factor, maxPoints, value }, row, project) }))
}

const NOT_COUNTED_EN = 'not counted, the other points are scaled to 100'

function englishDetail(reason: Reason, row: CustomerRow, project: ProjectRow): string {
  const quintile = (label: string, value: number | null) => (value === null ? '' : ` (${label} quintile ${value} of 5)`)
  switch (reason.factor) {
    case 'recency':
      return row.rfm_recency === null || row.last_purchase_at === null
        ? 'No completed order yet'
        : `Last order on ${todayIn(project.timezone, row.last_purchase_at)} (recency quintile ${row.rfm_recency} of 5 among the project's customers)`
    case 'frequency': {
      const orders = reason.value ?? row.orders_count
      return `${orders} completed ${orders === 1 ? 'order' : 'orders'}${quintile('frequency', row.rfm_frequency)}`
    }
    case 'spend':
      return `Net spent ${formatMinorUnits(row.net_spent_minor, currencyExponent(project.currency))} ${project.currency}${quintile('spend', row.rfm_monetary)}`
    case 'engagement':
      return reason.maxPoints === 0
        ? `The project sends no track events yet: ${NOT_COUNTED_EN}`
        : `${reason.value ?? 0} tracked ${reason.value === 1 ? 'interaction' : 'interactions'} in the last ${ENGAGEMENT_DAYS} days`
    case 'pActive':
      return reason.value === null || reason.maxPoints === 0
        ? `No prediction for this customer yet (the model needs orders and enough repeat customers): ${NOT_COUNTED_EN}`
        : `P(still active) = ${reason.value.toFixed(2)} from the BG/NBD model`
  }
}

const NOT_COUNTED_RU = 'не учитывается, остальные баллы пересчитаны на 100'

function russianDetail(reason: Reason, row: CustomerRow, project: ProjectRow): string {
  const quintile = (label: string, value: number | null) => (value === null ? '' : ` (квинтиль ${label} ${value} из 5)`)
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
