import type { Recommendation } from '../../api/types'
import { toCsv } from '../../components/csv'

/** The ranked list as CSV: one row per recommendation, evidence and ids joined with `; `. */
export function recommendationsCsv(items: Recommendation[]): string {
  return toCsv(
    ['rank', 'type', 'title', 'why', 'evidence', 'periodFrom', 'periodTo', 'customerCount', 'controlCount', 'customerIds', 'controlCustomerIds', 'productIds', 'expectedRevenue', 'currency', 'impactMethod', 'confidence', 'confidenceLevel'],
    items.map((item) => [
      item.rank,
      item.type,
      item.title,
      item.why,
      item.evidence.map((e) => `${e.label}: ${e.value}`).join('; '),
      item.period.from,
      item.period.to,
      item.customerCount,
      item.controlCount,
      item.customers
        .filter((c) => !c.control)
        .map((c) => c.customerId)
        .join('; '),
      item.customers
        .filter((c) => c.control)
        .map((c) => c.customerId)
        .join('; '),
      item.products.map((p) => p.productId).join('; '),
      item.expectedImpact.revenue,
      item.expectedImpact.currency,
      item.expectedImpact.method,
      item.confidence,
      item.confidenceLevel,
    ]),
  )
}
