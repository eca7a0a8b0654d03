import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useState } from 'react'
import { queries } from '../../api/queries'
import type { ReportInput } from '../../api/types'
import { ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import { useSearchParam } from '../../router/history'
import { KpiCards } from '../insights/kpi-cards'
import { LatestSales } from '../insights/latest-sales'
import { PeriodControls } from '../insights/period-controls'
import { RevenueChart } from '../insights/revenue-chart'
import { TopProducts } from '../insights/top-products'
import { usePeriod } from '../insights/use-period'
import { BreakdownTable } from './breakdown-table'
import { CohortHeatmap } from './cohort-heatmap'
import { SeriesTable } from './series-table'
import { TrendsPanel } from './trends-panel'

type BreakdownBy = NonNullable<ReportInput['breakdownBy']>
const FIELDS = ['country', 'channel', 'source'] as const

function toBreakdown(value: string): BreakdownBy | undefined {
  if ((FIELDS as readonly string[]).includes(value)) return value as BreakdownBy
  if (value.startsWith('trait:') && value.length > 'trait:'.length) return value as BreakdownBy
  return undefined
}

function BreakdownPicker({ value, onChange }: { value: string; onChange: (value: string | undefined) => void }) {
  const { t } = useI18n()
  const isTrait = value.startsWith('trait:')
  const [trait, setTrait] = useState(isTrait ? value.slice(6) : '')
  useEffect(() => {
    if (value.startsWith('trait:')) setTrait(value.slice(6))
  }, [value])
  const applyTrait = (event: FormEvent) => {
    event.preventDefault()
    if (trait.trim()) onChange(`trait:${trait.trim()}`)
  }
  return (
    <form className="toolbar" onSubmit={applyTrait}>
      <label>
        {t('reports.breakdown')}
        <select value={isTrait ? 'trait' : value} onChange={(e) => (e.target.value === 'trait' ? onChange(trait ? `trait:${trait}` : undefined) : onChange(e.target.value || undefined))}>
          <option value="">{t('reports.none')}</option>
          <option value="country">{t('reports.country')}</option>
          <option value="channel">{t('reports.channel')}</option>
          <option value="source">{t('reports.source')}</option>
          <option value="trait">{t('reports.trait')}</option>
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('reports.traitName')}</span>
        <input value={trait} placeholder={t('reports.traitName')} onChange={(e) => setTrait(e.target.value)} size={14} />
      </label>
      <button type="submit">{t('period.apply')}</button>
    </form>
  )
}

/** Series by day, week or month with comparison and anomalies, trends, top products, a breakdown and cohorts. */
export function ReportsPage() {
  const { t } = useI18n()
  const project = useProject()
  const [period, setPeriod] = usePeriod(project.timezone)
  const [by, setBy] = useSearchParam('by')
  const breakdownBy = toBreakdown(by)
  const input: ReportInput = {
    from: period.from,
    to: period.to,
    interval: period.interval,
    limit: 10,
    ...(period.compare === 'none' ? {} : { compareTo: period.compare }),
    ...(breakdownBy ? { breakdownBy } : {}),
  }
  const report = useQuery({ ...queries.report(project.id, input), placeholderData: keepPreviousData })
  // Anomaly markers can wait: on one database connection (PGlite) they would delay the figures.
  const trends = useQuery({
    ...queries.trends(project.id, { from: period.from, to: period.to, interval: period.interval }),
    placeholderData: keepPreviousData,
    enabled: report.isSuccess,
  })

  return (
    <div className="page">
      <h1>{t('nav.reports')}</h1>
      <PeriodControls period={period} onChange={setPeriod} showInterval />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <div aria-busy={report.isPlaceholderData}>
          {report.data.totals.orders === 0 && <LatestSales projectId={project.id} timeZone={project.timezone} period={period} onChange={setPeriod} />}
          <KpiCards report={report.data} figures={['netRevenue', 'grossRevenue', 'refunds', 'orders', 'averageOrderValue', 'newCustomers', 'returningCustomers', 'revenuePerCustomer']} />
          <section className="panel" aria-labelledby="chart-title">
            <h2 id="chart-title">{t('insights.revenue')}</h2>
            <RevenueChart report={report.data} trends={trends.data} />
            <SeriesTable report={report.data} />
          </section>
          {trends.isError ? <ErrorState error={trends.error} onRetry={() => trends.refetch()} /> : trends.data ? <TrendsPanel trends={trends.data} /> : <Loading />}
          <TopProducts report={report.data} />
          <section className="panel" aria-label={t('reports.breakdown')}>
            <BreakdownPicker value={by} onChange={setBy} />
          </section>
          <BreakdownTable report={report.data} />
          <CohortHeatmap cohorts={report.data.cohorts} />
          {report.data.notes.length > 0 && (
            <ul className="notes" aria-label={t('reports.notes')}>
              {report.data.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
