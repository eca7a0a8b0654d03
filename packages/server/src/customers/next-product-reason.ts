import type { Locale } from '@rapport/shared'
import { ruPlural } from '../analytics/recommendations/draft.js'
import type { NextProductEvidenceRow } from '../db/schema.js'

/**
 * A stored next best product's reason in the reader's language. English is the stored reason;
 * other languages are worded from the stored evidence, or fall back to English for a list stored
 * before evidence was kept (until the project's next recommendation refresh).
 */
export function nextProductReason(locale: Locale, reason: string, evidence: NextProductEvidenceRow | null): string {
  switch (locale) {
    case 'en':
      return reason
    case 'ru':
      return evidence === null ? reason : russianReason(evidence)
  }
}

function russianReason(evidence: NextProductEvidenceRow): string {
  const n = evidence.customers
  const customers = `${n} ${ruPlural(n, 'клиент', 'клиента', 'клиентов')}`
  const bought = ruPlural(n, 'купил', 'купили', 'купили')
  switch (evidence.kind) {
    case 'co-purchase':
      return `${customers}, ${ruPlural(n, 'купивший', 'купивших', 'купивших')} ${evidence.withProductName}, также ${bought} этот товар`
    case 'popular':
      return evidence.days === null
        ? `популярный товар: его ${bought} ${customers}`
        : `популярен в последнее время: его ${bought} ${customers} за последние ${evidence.days} ${ruPlural(evidence.days, 'день', 'дня', 'дней')}`
  }
}
