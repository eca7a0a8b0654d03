import type { Report } from '../../api/types'
import { useI18n } from '../../i18n/i18n'
import { FIGURES, type FigureKey, formatFigure, formatPercent } from './figures'

/** Figures where more is worse: their rise is shown in red. */
const LOWER_IS_BETTER = new Set<FigureKey>(['refunds', 'itemsReturned'])

export const KPI_FIGURES: FigureKey[] = ['netRevenue', 'orders', 'averageOrderValue', 'payingCustomers', 'newCustomers', 'repeatPurchaseRate']

/** One card per figure: the period's value and its change against the comparison period. */
export function KpiCards({ report, figures = KPI_FIGURES }: { report: Report; figures?: FigureKey[] }) {
  const { t, locale } = useI18n()
  const comparison = report.comparison
  return (
    <section className="cards" aria-label={t('insights.kpis')}>
      {figures.map((key) => {
        const change = comparison?.change[key]
        const relative = change?.relative ?? null
        const good = relative === null || relative === 0 ? null : relative > 0 !== LOWER_IS_BETTER.has(key)
        return (
          <div className="card" key={key} data-testid={`kpi-${key}`}>
            <span className="card-label">{t(FIGURES[key].label)}</span>
            <span className="card-value">{formatFigure(key, report.totals, report.currency, locale)}</span>
            {comparison && (
              <span className={`change ${good === null ? '' : good ? 'up' : 'down'}`}>
                {relative === null ? t('insights.noBase') : formatPercent(relative, locale, true)}{' '}
                <span className="sub">
                  {t('insights.vs')} {formatFigure(key, comparison.totals, report.currency, locale)}
                </span>
              </span>
            )}
          </div>
        )
      })}
    </section>
  )
}
