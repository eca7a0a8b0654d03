import type { Customer, CustomerSort } from '../../api/types'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { queries } from '../../api/queries'
import { downloadCsv, toCsv } from '../../components/csv'
import { Empty, ErrorState, Loading } from '../../components/states'
import { formatDate, formatMoney, formatRelative } from '../../format/format'
import type { MessageKey } from '../../i18n/en'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import { useSearchParam } from '../../router/history'
import { Link } from '../../router/link'
import { SEGMENTS } from '../insights/segment-names'
import { CustomerFilters, SCORE_LABELS, useCustomerFilters } from './customer-filters'

const PAGE_SIZE = 50
const SORTS: Array<{ sort: CustomerSort; label: MessageKey }> = [
  { sort: 'lastSeen', label: 'customers.lastSeen' },
  { sort: 'totalSpent', label: 'customers.netSpent' },
  { sort: 'orders', label: 'customers.orders' },
  { sort: 'createdAt', label: 'customers.firstSeen' },
]

function isSort(value: string): value is CustomerSort {
  return SORTS.some((option) => option.sort === value)
}

/** Typing waits for a pause before asking the server. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

function SortHeader({ sort, label, current, order, onSort }: { sort: CustomerSort; label: string; current: CustomerSort; order: 'asc' | 'desc'; onSort: (sort: CustomerSort) => void }) {
  const active = sort === current
  return (
    <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined} className="num">
      <button type="button" className="sort" onClick={() => onSort(sort)}>
        {label} {active ? (order === 'asc' ? '↑' : '↓') : ''}
      </button>
    </th>
  )
}

/** The customer base: search, sort, cursor paging; the state lives in the URL so a link reopens the same view. */
export function CustomersPage() {
  const { t, locale } = useI18n()
  const project = useProject()
  const [searchParam, setSearchParam] = useSearchParam('search')
  const [sortParam, setSortParam] = useSearchParam('sort')
  const [orderParam, setOrderParam] = useSearchParam('order')
  const [typed, setTyped] = useState(searchParam)
  const search = useDebounced(typed.trim(), 300)
  const sort: CustomerSort = isSort(sortParam) ? sortParam : 'lastSeen'
  const order = orderParam === 'asc' ? 'asc' : 'desc'
  // Cursors of the pages before this one: Previous pops, Next pushes.
  const [cursors, setCursors] = useState<string[]>([])
  const cursor = cursors.at(-1)

  const filters = useCustomerFilters(project.timezone)

  useEffect(() => {
    setSearchParam(search)
    setCursors([])
  }, [search, setSearchParam])
  // biome-ignore lint/correctness/useExhaustiveDependencies: other filters start again from the first page
  useEffect(() => setCursors([]), [filters.key])

  const page = useQuery({
    ...queries.customers(project.id, { limit: PAGE_SIZE, sort, order, ...filters.input, ...(search ? { search } : {}), ...(cursor ? { cursor } : {}) }),
    placeholderData: keepPreviousData,
  })

  const onSort = (next: CustomerSort) => {
    if (next === sort) setOrderParam(order === 'desc' ? 'asc' : undefined)
    else {
      setSortParam(next === 'lastSeen' ? undefined : next)
      setOrderParam(undefined)
    }
    setCursors([])
  }

  const exportCsv = (items: Customer[]) => {
    const rows = items.map((c) => [
      c.customerId,
      c.name,
      c.email,
      c.rfm?.segment,
      c.score?.value,
      c.score?.label,
      c.totals.orders,
      c.totals.netSpent,
      c.totals.currency,
      c.predictions?.pActive,
      c.predictions?.predictedValue365,
      c.firstSeenAt,
      c.lastSeenAt,
    ])
    const header = ['customerId', 'name', 'email', 'segment', 'score', 'scoreLabel', 'orders', 'netSpent', 'currency', 'pActive', 'predictedValue365', 'firstSeenAt', 'lastSeenAt']
    downloadCsv('customers.csv', toCsv(header, rows))
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('customers.title')}</h1>
        {page.data && page.data.items.length > 0 && (
          <button type="button" onClick={() => exportCsv(page.data.items)}>
            {t('table.exportCsv')}
          </button>
        )}
      </div>
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">{t('customers.search')}</span>
          <input type="search" placeholder={t('customers.searchPlaceholder')} value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <label>
          {t('customers.sortBy')}
          <select value={sort} onChange={(e) => onSort(e.target.value as CustomerSort)}>
            {SORTS.map((option) => (
              <option key={option.sort} value={option.sort}>
                {t(option.label)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <CustomerFilters active={filters.active} />
      {page.isPending ? (
        <Loading />
      ) : page.isError ? (
        <ErrorState error={page.error} onRetry={() => page.refetch()} />
      ) : page.data.items.length === 0 ? (
        <Empty title={search ? t('customers.noMatch', { search }) : filters.active > 0 ? t('customers.noFilterMatch') : t('customers.empty')}>
          {!search && filters.active === 0 && <Link to={`/p/${project.id}/connect`}>{t('customers.connectLink')}</Link>}
        </Empty>
      ) : (
        <>
          <div className="table-wrap" aria-busy={page.isFetching}>
            <table className="customers">
              <caption className="visually-hidden">{t('customers.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('customers.customer')}</th>
                  <th scope="col">{t('insights.segment')}</th>
                  <th scope="col" className="num">
                    {t('score.title')}
                  </th>
                  <SortHeader sort="orders" label={t('customers.orders')} current={sort} order={order} onSort={onSort} />
                  <SortHeader sort="totalSpent" label={t('customers.netSpent')} current={sort} order={order} onSort={onSort} />
                  <SortHeader sort="lastSeen" label={t('customers.lastSeen')} current={sort} order={order} onSort={onSort} />
                  <SortHeader sort="createdAt" label={t('customers.firstSeen')} current={sort} order={order} onSort={onSort} />
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((customer) => (
                  <tr key={customer.customerId}>
                    <td>
                      <Link to={`/p/${project.id}/customers/${encodeURIComponent(customer.customerId)}`}>
                        {customer.name ?? customer.email ?? customer.customerId}
                      </Link>
                      <div className="sub">{customer.name ? (customer.email ?? customer.customerId) : customer.email ? customer.customerId : ''}</div>
                    </td>
                    <td>{customer.rfm ? t(SEGMENTS[customer.rfm.segment]) : <span className="sub">—</span>}</td>
                    <td className="num" data-testid="score">
                      {customer.score ? (
                        <>
                          {customer.score.value} <span className="sub">{t(SCORE_LABELS[customer.score.label])}</span>
                        </>
                      ) : (
                        <span className="sub">—</span>
                      )}
                    </td>
                    <td className="num">{customer.totals.orders}</td>
                    <td className="num">{formatMoney(customer.totals.netSpent, customer.totals.currency, locale)}</td>
                    <td className="num" title={customer.lastSeenAt}>
                      {formatRelative(customer.lastSeenAt, Date.now(), locale)}
                    </td>
                    <td className="num">{formatDate(customer.firstSeenAt, project.timezone, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('table.pages')}>
            <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
              {t('table.previous')}
            </button>
            <span>{t('table.pageN', { n: cursors.length + 1 })}</span>
            <button
              type="button"
              disabled={!page.data.nextCursor || page.isPlaceholderData}
              onClick={() => page.data.nextCursor && setCursors([...cursors, page.data.nextCursor])}
            >
              {t('table.next')}
            </button>
          </nav>
        </>
      )}
    </div>
  )
}
