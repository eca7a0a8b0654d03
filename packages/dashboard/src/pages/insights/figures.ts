import type { ReportFigures } from '../../api/types'
import { formatMoney, formatNumber } from '../../format/format'
import type { MessageKey } from '../../i18n/en'

export type FigureKey = keyof ReportFigures
export type FigureKind = 'money' | 'count' | 'ratio'

export const FIGURES: Record<FigureKey, { label: MessageKey; kind: FigureKind }> = {
  netRevenue: { label: 'figure.netRevenue', kind: 'money' },
  grossRevenue: { label: 'figure.grossRevenue', kind: 'money' },
  refunds: { label: 'figure.refunds', kind: 'money' },
  orders: { label: 'figure.orders', kind: 'count' },
  averageOrderValue: { label: 'figure.averageOrderValue', kind: 'money' },
  payingCustomers: { label: 'figure.payingCustomers', kind: 'count' },
  newCustomers: { label: 'figure.newCustomers', kind: 'count' },
  returningCustomers: { label: 'figure.returningCustomers', kind: 'count' },
  repeatPurchaseRate: { label: 'figure.repeatPurchaseRate', kind: 'ratio' },
  revenuePerCustomer: { label: 'figure.revenuePerCustomer', kind: 'money' },
  itemsSold: { label: 'figure.itemsSold', kind: 'count' },
  itemsReturned: { label: 'figure.itemsReturned', kind: 'count' },
  guestRevenue: { label: 'figure.guestRevenue', kind: 'money' },
}

/** A figure as shown: money from its exact decimal string, counts grouped, ratios as percentages. */
export function formatFigure(key: FigureKey, figures: ReportFigures, currency: string, locale: string): string {
  const value = figures[key]
  switch (FIGURES[key].kind) {
    case 'money':
      return formatMoney(String(value), currency, locale)
    case 'count':
      return formatNumber(Number(value), locale)
    case 'ratio':
      return formatPercent(Number(value), locale)
  }
}

export function formatPercent(ratio: number, locale: string, signed = false): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, ...(signed ? { signDisplay: 'exceptZero' } : {}) }).format(ratio)
}

/** Chart values: money strings become numbers here, for drawing only. */
export function chartNumber(value: string | number): number {
  return typeof value === 'number' ? value : Number.parseFloat(value)
}
