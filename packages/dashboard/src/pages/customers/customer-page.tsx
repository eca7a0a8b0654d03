import type { CustomerDetail, PurchaseRecord } from '../../api/types'
import { useQuery } from '@tanstack/react-query'
import { isClientError } from '../../api/errors'
import { queries } from '../../api/queries'
import { downloadCsv, toCsv } from '../../components/csv'
import { Empty, ErrorState, Loading } from '../../components/states'
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../format/format'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import { Link } from '../../router/link'
import { formatPercent } from '../insights/figures'
import { SEGMENTS } from '../insights/segment-names'
import { LeadScore, NextBestProducts } from './customer-score'
import { Timeline } from './timeline'

function Profile({ detail }: { detail: CustomerDetail }) {
  const { t, locale } = useI18n()
  const project = useProject()
  const { customer } = detail
  const traits = Object.entries(customer.traits)
  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('customer.profile')}</h2>
      <dl className="facts">
        <dt>{t('customer.id')}</dt>
        <dd>
          <code>{customer.customerId}</code>
        </dd>
        <dt>{t('customer.email')}</dt>
        <dd>{customer.email ?? '—'}</dd>
        <dt>{t('customer.phone')}</dt>
        <dd>{customer.phone ?? '—'}</dd>
        <dt>{t('customers.firstSeen')}</dt>
        <dd>{formatDateTime(customer.firstSeenAt, project.timezone, locale)}</dd>
        <dt>{t('customers.lastSeen')}</dt>
        <dd>{formatDateTime(customer.lastSeenAt, project.timezone, locale)}</dd>
      </dl>
      {detail.favouriteProducts.length > 0 && (
        <>
          <h3>{t('customer.favourites')}</h3>
          <ul className="movers" data-testid="favourites">
            {detail.favouriteProducts.map((product) => (
              <li key={product.productId}>
                {product.name ?? product.productId} <span className="sub">{t('customer.units', { quantity: product.quantity, orders: product.orders })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('customer.traits')}</h3>
      {traits.length === 0 ? (
        <p className="sub">{t('customer.noTraits')}</p>
      ) : (
        <dl className="facts">
          {traits.map(([key, value]) => (
            <div key={key} className="fact">
              <dt>{key}</dt>
              <dd>{value === null ? '—' : String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}

function Totals({ detail }: { detail: CustomerDetail }) {
  const { t, locale } = useI18n()
  const project = useProject()
  const { totals, rfm } = detail.customer
  return (
    <section className="cards" aria-label={t('customer.totals')}>
      <div className="card">
        <span className="card-label">{t('insights.segment')}</span>
        <span className="card-value small" data-testid="segment">
          {rfm ? t(SEGMENTS[rfm.segment]) : '—'}
        </span>
        {rfm && (
          <span className="sub" title={t('customer.rfmHint')}>
            R{rfm.recency} · F{rfm.frequency} · M{rfm.monetary}
          </span>
        )}
      </div>
      <div className="card">
        <span className="card-label">{t('customers.netSpent')}</span>
        <span className="card-value" data-testid="net-spent">
          {formatMoney(totals.netSpent, totals.currency, locale)}
        </span>
      </div>
      <div className="card">
        <span className="card-label">{t('customers.orders')}</span>
        <span className="card-value">{totals.orders}</span>
        {totals.refundedOrders > 0 && <span className="sub">{t('customer.refunded', { n: totals.refundedOrders })}</span>}
      </div>
      <div className="card">
        <span className="card-label">{t('figure.averageOrderValue')}</span>
        <span className="card-value small">{formatMoney(totals.averageOrderValue, totals.currency, locale)}</span>
        {totals.refunded !== '0' && Number(totals.refunded) !== 0 && (
          <span className="sub">{t('customer.refundedAmount', { amount: formatMoney(totals.refunded, totals.currency, locale) })}</span>
        )}
      </div>
      <div className="card">
        <span className="card-label">{t('customer.firstPurchase')}</span>
        <span className="card-value small">{totals.firstPurchaseAt ? formatDate(totals.firstPurchaseAt, project.timezone, locale) : '—'}</span>
      </div>
      <div className="card">
        <span className="card-label">{t('customer.lastPurchase')}</span>
        <span className="card-value small">{totals.lastPurchaseAt ? formatDate(totals.lastPurchaseAt, project.timezone, locale) : '—'}</span>
      </div>
    </section>
  )
}

function Predictions({ detail }: { detail: CustomerDetail }) {
  const { t, locale } = useI18n()
  const { predictions, totals } = detail.customer
  return (
    <section className="panel" aria-labelledby="predictions-title">
      <h2 id="predictions-title">{t('customer.predictions')}</h2>
      {predictions ? (
        <dl className="facts" data-testid="predictions">
          <dt>{t('customer.pActive')}</dt>
          <dd>{formatPercent(predictions.pActive, locale)}</dd>
          <dt>{t('customer.expectedPurchases')}</dt>
          <dd>
            {t('customer.expectedPurchasesValue', {
              d30: formatNumber(Math.round(predictions.expectedPurchases30 * 100) / 100, locale),
              d90: formatNumber(Math.round(predictions.expectedPurchases90 * 100) / 100, locale),
            })}
          </dd>
          <dt>{t('customer.expectedOrderValue')}</dt>
          <dd>{formatMoney(predictions.expectedOrderValue, totals.currency, locale)}</dd>
          <dt>{t('customer.predictedValue365')}</dt>
          <dd>{formatMoney(predictions.predictedValue365, totals.currency, locale)}</dd>
        </dl>
      ) : (
        <p className="sub">{t('customer.noPredictions')}</p>
      )}
    </section>
  )
}

function Purchases({ purchases, customerId }: { purchases: PurchaseRecord[]; customerId: string }) {
  const { t, locale } = useI18n()
  const project = useProject()
  if (purchases.length === 0) return null
  const exportCsv = () => {
    const rows = purchases.map((p) => [p.orderId, p.occurredAt, p.status, p.amount, p.currency, p.channel, p.items.map((i) => `${i.quantity}× ${i.name ?? i.productId}`).join('; ')])
    downloadCsv(`purchases-${customerId}.csv`, toCsv(['orderId', 'occurredAt', 'status', 'amount', 'currency', 'channel', 'items'], rows))
  }
  return (
    <section className="panel" aria-labelledby="purchases-title">
      <div className="page-head">
        <h2 id="purchases-title">{t('customer.purchases')}</h2>
        <button type="button" onClick={exportCsv}>
          {t('table.exportCsv')}
        </button>
      </div>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('customer.order')}</th>
              <th scope="col">{t('customer.date')}</th>
              <th scope="col">{t('customer.items')}</th>
              <th scope="col">{t('customer.status')}</th>
              <th scope="col" className="num">
                {t('customer.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {purchases.map((purchase) => (
              <tr key={purchase.orderId}>
                <td>
                  <code>{purchase.orderId}</code>
                </td>
                <td>{formatDateTime(purchase.occurredAt, project.timezone, locale)}</td>
                <td>{purchase.items.map((item) => `${item.quantity}× ${item.name ?? item.productId}`).join(', ') || '—'}</td>
                <td>{purchase.status}</td>
                <td className="num">{formatMoney(purchase.amount, purchase.currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

/** One customer: profile and traits, totals, purchases, and the timeline of everything they did. */
export function CustomerPage({ customerId }: { customerId: string }) {
  const { t, locale } = useI18n()
  const project = useProject()
  const detail = useQuery(queries.customer(project.id, customerId, locale))
  const back = <Link to={`/p/${project.id}/customers`}>← {t('customer.back')}</Link>
  if (detail.isPending) return <Loading />
  if (detail.isError)
    return isClientError(detail.error) ? (
      <Empty title={t('customer.notFound', { id: customerId })}>{back}</Empty>
    ) : (
      <ErrorState error={detail.error} onRetry={() => detail.refetch()} />
    )
  const { customer } = detail.data
  return (
    <div className="page">
      <p className="crumbs">{back}</p>
      <h1>{customer.name ?? customer.email ?? customer.customerId}</h1>
      <Totals detail={detail.data} />
      <div className="columns">
        <div className="stack">
          <Profile detail={detail.data} />
          <LeadScore detail={detail.data} />
          <Predictions detail={detail.data} />
          <NextBestProducts detail={detail.data} />
        </div>
        <section className="panel" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('timeline.title')}</h2>
          <Timeline entries={detail.data.timeline} timeZone={project.timezone} />
        </section>
      </div>
      <Purchases purchases={detail.data.purchases} customerId={customer.customerId} />
    </div>
  )
}
