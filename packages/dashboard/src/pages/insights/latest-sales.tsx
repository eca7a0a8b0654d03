import { useMutation } from '@tanstack/react-query'
import { api } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { addDays, daysBetween, todayIn } from '../../format/period'
import { useI18n } from '../../i18n/i18n'
import type { PeriodState } from './use-period'

/** How far back to look: imported histories can be old (the online-retail sample is from 2010–2011). */
const WINDOWS = 5
const WINDOW_DAYS = 3650

/** The last day with an order: month by month in ten-year windows going back, then day by day in that month. */
async function latestSalesDay(projectId: string, timeZone: string): Promise<string | null> {
  let to = addDays(todayIn(timeZone), 1)
  let month: { start: string; end: string } | undefined
  for (let window = 0; window < WINDOWS && !month; window++) {
    const from = addDays(to, -WINDOW_DAYS)
    const months = await api.insights.report.query({ projectId, from, to, interval: 'month', limit: 1 })
    month = months.series.findLast((point) => point.orders > 0)
    to = from
  }
  if (!month) return null
  const days = await api.insights.report.query({ projectId, from: month.start, to: month.end, interval: 'day', limit: 1 })
  return days.series.findLast((point) => point.orders > 0)?.start ?? addDays(month.end, -1)
}

/**
 * A period without sales (an imported history ends years ago): offer the same
 * length of time ending on the last day with sales.
 */
export function LatestSales({ projectId, timeZone, period, onChange }: { projectId: string; timeZone: string; period: PeriodState; onChange: (change: Partial<PeriodState>) => void }) {
  const { t } = useI18n()
  const find = useMutation({
    mutationFn: () => latestSalesDay(projectId, timeZone),
    onSuccess: (day) => {
      if (!day) return
      const to = addDays(day, 1)
      onChange({ from: addDays(to, -daysBetween(period.from, period.to)), to })
    },
  })
  return (
    <div className="state state-empty">
      <p className="state-title">{t('insights.noSales')}</p>
      {find.data === null ? (
        <p>{t('insights.noSalesAtAll')}</p>
      ) : (
        <button type="button" className="primary" onClick={() => find.mutate()} disabled={find.isPending}>
          {t('insights.showLatest')}
        </button>
      )}
      {find.isError && <p role="alert">{errorMessage(find.error)}</p>}
    </div>
  )
}
