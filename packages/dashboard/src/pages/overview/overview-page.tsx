import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { queries } from '../../api/queries'
import { ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import { ForecastPanel } from '../insights/forecast-panel'
import { KpiCards } from '../insights/kpi-cards'
import { LatestSales } from '../insights/latest-sales'
import { PeriodControls } from '../insights/period-controls'
import { RevenueChart } from '../insights/revenue-chart'
import { SegmentsPanel } from '../insights/segments-panel'
import { SummaryPanel } from '../insights/summary-panel'
import { TopProducts } from '../insights/top-products'
import { TopRecommendations } from '../insights/top-recommendations'
import { usePeriod } from '../insights/use-period'

/** The headline figures of a period against the comparison, the revenue chart, the forecast, best products, segments, the assistant's summary and the top recommendations. */
export function OverviewPage() {
  const { t } = useI18n()
  const project = useProject()
  const [period, setPeriod] = usePeriod(project.timezone)
  const input = {
    from: period.from,
    to: period.to,
    interval: period.interval,
    limit: 5,
    ...(period.compare === 'none' ? {} : { compareTo: period.compare }),
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
      <h1>{t('nav.overview')}</h1>
      <PeriodControls period={period} onChange={setPeriod} />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <div aria-busy={report.isPlaceholderData}>
          {report.data.totals.orders === 0 && <LatestSales projectId={project.id} timeZone={project.timezone} period={period} onChange={setPeriod} />}
          <KpiCards report={report.data} />
          <section className="panel" aria-labelledby="revenue-title">
            <h2 id="revenue-title">{t('insights.revenue')}</h2>
            <RevenueChart report={report.data} trends={trends.data} />
          </section>
          <ForecastPanel interval={period.interval} />
          <div className="columns">
            <TopProducts report={report.data} limit={5} />
            <SegmentsPanel />
          </div>
          <div className="columns">
            <SummaryPanel projectId={project.id} from={period.from} to={period.to} />
            <TopRecommendations projectId={project.id} />
          </div>
        </div>
      )}
    </div>
  )
}
