import { useState } from 'react'
import type { ProductStat, Report } from '../../api/types'
import { downloadCsv, toCsv } from '../../components/csv'
import { formatMoney, formatNumber } from '../../format/format'
import { useI18n } from '../../i18n/i18n'

type Ranking = keyof Report['topProducts']

/** Best products of the period by net revenue, units or orders. */
export function TopProducts({ report, limit }: { report: Report; limit?: number }) {
  const { t, locale } = useI18n()
  const [ranking, setRanking] = useState<Ranking>('byNetRevenue')
  const rows: ProductStat[] = report.topProducts[ranking].slice(0, limit)
  const exportCsv = () =>
    downloadCsv(
      `top-products-${report.from}-${report.to}.csv`,
      toCsv(
        ['productId', 'name', 'netRevenue', 'grossRevenue', 'refunds', 'quantity', 'returnedQuantity', 'orders', 'currency'],
        rows.map((p) => [p.productId, p.name, p.netRevenue, p.grossRevenue, p.refunds, p.quantity, p.returnedQuantity, p.orders, report.currency]),
      ),
    )
  return (
    <section className="panel" aria-labelledby="top-products">
      <div className="page-head">
        <h2 id="top-products">{t('insights.topProducts')}</h2>
        <div className="toolbar">
          <label>
            <span className="visually-hidden">{t('insights.rankBy')}</span>
            <select value={ranking} onChange={(e) => setRanking(e.target.value as Ranking)}>
              <option value="byNetRevenue">{t('figure.netRevenue')}</option>
              <option value="byQuantity">{t('insights.units')}</option>
              <option value="byOrders">{t('figure.orders')}</option>
            </select>
          </label>
          {rows.length > 0 && (
            <button type="button" onClick={exportCsv}>
              {t('table.exportCsv')}
            </button>
          )}
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="sub">{t('insights.noProducts')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('insights.product')}</th>
                <th scope="col" className="num">
                  {t('figure.netRevenue')}
                </th>
                <th scope="col" className="num">
                  {t('insights.units')}
                </th>
                <th scope="col" className="num">
                  {t('figure.orders')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((product) => (
                <tr key={product.productId}>
                  <td>
                    {product.name ?? product.productId}
                    {product.name && <div className="sub">{product.productId}</div>}
                  </td>
                  <td className="num">{formatMoney(product.netRevenue, report.currency, locale)}</td>
                  <td className="num">{formatNumber(product.quantity, locale)}</td>
                  <td className="num">{formatNumber(product.orders, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
