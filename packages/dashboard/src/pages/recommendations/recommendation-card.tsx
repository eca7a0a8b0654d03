import type { Recommendation } from '../../api/types'
import { formatDate, formatMoney, formatNumber } from '../../format/format'
import { useI18n } from '../../i18n/i18n'
import { Link } from '../../router/link'
import { formatPercent } from '../insights/figures'

/** How many customers are listed before the rest is folded away. */
const SHOWN_CUSTOMERS = 20

function Customers({ item, projectId }: { item: Recommendation; projectId: string }) {
  const { t, locale } = useI18n()
  if (item.customers.length === 0) return null
  const productName = (productId: string) => item.products.find((p) => p.productId === productId)?.name ?? productId
  const list = (customers: Recommendation['customers']) => (
    <ul className="rec-customers">
      {customers.map((customer) => (
        <li key={customer.customerId}>
          <Link to={`/p/${projectId}/customers/${encodeURIComponent(customer.customerId)}`}>{customer.name ?? customer.customerId}</Link>
          {customer.control && <span className="badge badge-control">{t('recs.control')}</span>}
          {customer.productId && <span className="sub"> {t('recs.proposed', { product: productName(customer.productId) })}</span>}
        </li>
      ))}
    </ul>
  )
  const first = item.customers.slice(0, SHOWN_CUSTOMERS)
  const rest = item.customers.slice(SHOWN_CUSTOMERS)
  return (
    <div>
      <h3>{t('recs.customers')}</h3>
      <p className="sub">
        {t('recs.customerCount', { count: formatNumber(item.customerCount, locale), control: formatNumber(item.controlCount, locale) })}
        {item.customers.length < item.customerCount + item.controlCount && ` ${t('recs.listed', { shown: formatNumber(item.customers.length, locale) })}`}
      </p>
      {list(first)}
      {rest.length > 0 && (
        <details>
          <summary>{t('recs.moreCustomers', { count: formatNumber(rest.length, locale) })}</summary>
          {list(rest)}
        </details>
      )}
    </div>
  )
}

/** One ranked action: what to do, why, the figures behind it, its expected impact and whom it concerns. */
export function RecommendationCard({ item, projectId }: { item: Recommendation; projectId: string }) {
  const { t, locale } = useI18n()
  const titleId = `rec-${item.id}`
  return (
    <article className="panel rec" aria-labelledby={titleId} data-testid="recommendation">
      <h2 id={titleId}>
        <span className="rec-rank">{item.rank}.</span> {item.title}
      </h2>
      <p className="sub">
        <span className="badge">{t(`recs.type.${item.type}` as const)}</span>
        {t('recs.period', { from: formatDate(item.period.from, 'UTC', locale), to: formatDate(item.period.to, 'UTC', locale) })}
      </p>
      <p>{item.why}</p>
      <dl className="facts">
        <dt>{t('recs.impact')}</dt>
        <dd>
          <strong data-testid="rec-impact">{t('recs.impactValue', { revenue: formatMoney(item.expectedImpact.revenue, item.expectedImpact.currency, locale) })}</strong>
          <div className="sub">{t('recs.method', { method: item.expectedImpact.method })}</div>
        </dd>
        <dt>{t('recs.confidence')}</dt>
        <dd>
          <span className={`confidence confidence-${item.confidenceLevel}`}>{t(`recs.level.${item.confidenceLevel}` as const)}</span> ({formatPercent(item.confidence, locale)})
        </dd>
      </dl>
      {item.evidence.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('recs.evidenceOf', { title: item.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('recs.evidence')}</th>
                <th scope="col" className="num">
                  {t('recs.value')}
                </th>
              </tr>
            </thead>
            <tbody>
              {item.evidence.map((evidence) => (
                <tr key={evidence.label}>
                  <td>{evidence.label}</td>
                  <td className="num">{evidence.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {item.products.length > 0 && (
        <div>
          <h3>{t('recs.products')}</h3>
          <ul className="rec-products">
            {item.products.map((product) => (
              <li key={product.productId}>
                {product.name ?? product.productId}
                {product.name && <span className="sub"> {product.productId}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Customers item={item} projectId={projectId} />
    </article>
  )
}
