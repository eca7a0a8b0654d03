import { NotAvailable } from '../../components/states'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import { Link } from '../../router/link'

/** KPIs and the revenue chart need `insights.report`; until the server has it, the page says so. */
export function OverviewPage() {
  const { t } = useI18n()
  const project = useProject()
  return (
    <NotAvailable title={t('nav.overview')}>
      <p>{t('placeholder.overview')}</p>
      <p>
        <Link to={`/p/${project.id}/customers`}>{t('nav.customers')}</Link> · <Link to={`/p/${project.id}/connect`}>{t('nav.connect')}</Link>
      </p>
    </NotAvailable>
  )
}
