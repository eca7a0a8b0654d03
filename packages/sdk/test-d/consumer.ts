// Type-checked against the built package (`@rapport/sdk` resolves to dist/*.d.ts),
// as an app that installs only the SDK sees it: every checked type must be exact, never `any`.
import { createCRM, type Report, type ReportInput, type SegmentName, type Segments, type Trends } from '@rapport/sdk'
import { createIngestClient, type RefundInput } from '@rapport/sdk/ingest'

type IsAny<T> = 0 extends 1 & T ? true : false
type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const yes = <T extends true>(): T | undefined => undefined
const no = <T extends false>(): T | undefined => undefined

export async function consumer(): Promise<void> {
  const crm = createCRM({ apiKey: 'rk_sec_example', host: 'https://crm.example.com' })
  crm.refund({ refundId: 'R-17', orderId: 'A-1001', amount: '24.95', currency: 'EUR', reason: 'damaged', country: 'Germany' })
  crm.purchase({ orderId: 'A-1001', amount: '49.90', currency: 'EUR', country: 'Germany' })
  createIngestClient({ apiKey: 'rk_pub_example' }).refund({ refundId: 'R-18', amount: 5, currency: 'JPY' })

  const report = await crm.insights.report({ from: '2025-01-01', to: '2025-04-01', interval: 'week', breakdownBy: 'trait:plan' })
  no<IsAny<typeof report>>()
  yes<Exact<typeof report, Report>>()
  yes<Exact<typeof report.totals.netRevenue, string>>()
  yes<Exact<typeof report.interval, 'day' | 'week' | 'month'>>()
  yes<Exact<NonNullable<ReportInput['compareTo']>, 'previous_period' | 'previous_year'>>()
  no<IsAny<ReportInput['breakdownBy']>>()
  no<IsAny<NonNullable<typeof report.comparison>['change']>>()

  const trends = await crm.insights.trends({ from: '2025-01-01', to: '2025-04-01' })
  yes<Exact<typeof trends, Trends>>()
  yes<Exact<(typeof trends.metrics)[number]['direction'], 'up' | 'down' | 'flat'>>()

  const segments = await crm.insights.segments()
  yes<Exact<typeof segments, Segments>>()
  yes<Exact<(typeof segments.segments)[number]['segment'], SegmentName>>()

  const page = await crm.customers.list({ segment: 'at_risk', minSpent: '100' })
  no<IsAny<typeof page.items>>()
  no<IsAny<(typeof page.items)[number]['rfm']>>()
  const detail = await crm.customers.get('user-42')
  no<IsAny<typeof detail.favouriteProducts>>()
  no<IsAny<RefundInput['items']>>()

  // @ts-expect-error a refund needs its refundId
  crm.refund({ amount: '1.00', currency: 'EUR' })
  // @ts-expect-error unknown intervals are refused
  await crm.insights.report({ from: '2025-01-01', to: '2025-04-01', interval: 'year' })
}
