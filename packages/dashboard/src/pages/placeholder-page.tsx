import { NotAvailable } from '../components/states'
import type { MessageKey } from '../i18n/en'
import { useI18n } from '../i18n/i18n'
import { Link } from '../router/link'

const PAGES = {
  notFound: { title: 'placeholder.notFoundTitle', body: 'placeholder.notFound' },
} satisfies Record<string, { title: MessageKey; body: MessageKey }>

/** A page whose server procedures do not exist yet: labelled as such, with no made-up data. */
export function PlaceholderPage({ page }: { page: keyof typeof PAGES }) {
  const { t } = useI18n()
  const { title, body } = PAGES[page]
  if (page === 'notFound')
    return (
      <section className="narrow">
        <h1>{t(title)}</h1>
        <p>{t(body)}</p>
        <Link to="/">{t('project.backHome')}</Link>
      </section>
    )
  return (
    <NotAvailable title={t(title)}>
      <p>{t(body)}</p>
    </NotAvailable>
  )
}
