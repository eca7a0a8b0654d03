import type { CustomerDetail } from '../../api/types'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/i18n'

type Score = NonNullable<CustomerDetail['customer']['score']>

const LABELS: Record<Score['label'], MessageKey> = {
  HOT: 'score.HOT',
  WARM: 'score.WARM',
  COLD: 'score.COLD',
  UNQUALIFIED: 'score.UNQUALIFIED',
}

const FACTORS: Record<Score['reasons'][number]['factor'], MessageKey> = {
  recency: 'score.factor.recency',
  frequency: 'score.factor.frequency',
  spend: 'score.factor.spend',
  engagement: 'score.factor.engagement',
  pActive: 'score.factor.pActive',
}

/** The customer's 0–100 lead score, its band, and the points each factor gave with why. */
export function LeadScore({ detail }: { detail: CustomerDetail }) {
  const { t } = useI18n()
  const score = detail.customer.score
  return (
    <section className="panel" aria-labelledby="score-title">
      <h2 id="score-title">{t('score.title')}</h2>
      {score ? (
        <>
          <p data-testid="lead-score">
            <strong className="card-value small">{t('score.value', { value: score.value })}</strong>{' '}
            <span className={`badge score-${score.label.toLowerCase()}`}>{t(LABELS[score.label])}</span>
          </p>
          <h3>{t('score.reasons')}</h3>
          <ul className="movers" data-testid="score-reasons">
            {score.reasons.map((reason) => (
              <li key={reason.factor}>
                <span>{t(FACTORS[reason.factor])}</span>: {t('score.points', { points: Math.round(reason.points * 10) / 10, max: reason.maxPoints })}
                <div className="sub">{reason.detail}</div>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="sub">{t('score.none')}</p>
      )}
    </section>
  )
}

/** Products the customer has not bought yet, best first, with why each is proposed. */
export function NextBestProducts({ detail }: { detail: CustomerDetail }) {
  const { t } = useI18n()
  return (
    <section className="panel" aria-labelledby="next-best-title">
      <h2 id="next-best-title">{t('customer.nextBest')}</h2>
      {detail.nextBestProducts.length === 0 ? (
        <p className="sub">{t('customer.noNextBest')}</p>
      ) : (
        <ol className="movers" data-testid="next-best">
          {detail.nextBestProducts.map((product) => (
            <li key={product.productId}>
              {product.name ?? product.productId}
              <div className="sub">{product.reason}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
