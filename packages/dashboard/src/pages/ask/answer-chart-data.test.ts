import { describe, expect, it } from 'vitest'
import { answerChartOf, chartOf } from './answer-chart-data'

describe('chartOf', () => {
  it('draws forecast points as a time series with their 80% band', () => {
    const data = {
      metric: 'revenue',
      interval: 'week',
      points: [
        { start: '2011-12-12', value: '100.50', lower80: '80.00', upper80: '120.00' },
        { start: '2011-12-19', value: '110.00', lower80: '85.00', upper80: '130.00' },
      ],
      notes: [],
    }
    expect(chartOf(data)).toEqual({
      kind: 'time',
      path: 'points',
      dates: ['2011-12-12', '2011-12-19'],
      measure: 'value',
      values: [100.5, 110],
      band: { lower: [80, 85], upper: [120, 130] },
    })
  })

  it('draws top products as a ranking by net revenue', () => {
    const data = {
      period: { from: '2011-01-01', to: '2011-04-01' },
      by: 'netRevenue',
      products: [
        { productId: 'LAMP', name: 'LANTERN', netRevenue: '40.00', quantity: 4, orders: 2 },
        { productId: 'MUG', name: null, netRevenue: '30.00', quantity: 12, orders: 3 },
      ],
    }
    expect(chartOf(data)).toEqual({ kind: 'ranking', path: 'products', measure: 'netRevenue', labels: ['LANTERN', 'MUG'], values: [40, 30] })
  })

  it('draws best customers by net spent, and nested rows such as a breakdown', () => {
    expect(chartOf({ customers: [{ customerId: 'c1', name: 'Ann', netSpent: '5', orders: 1 }, { customerId: 'c2', name: null, netSpent: '3', orders: 2 }] })).toMatchObject({ measure: 'netSpent', labels: ['Ann', 'c2'] })
    expect(chartOf({ totals: { netRevenue: '1' }, breakdown: { by: 'country', rows: [{ value: 'UK', netRevenue: '9', orders: 2, share: 0.9 }, { value: 'DE', netRevenue: '1', orders: 1, share: 0.1 }] } })).toMatchObject({ path: 'breakdown.rows', labels: ['UK', 'DE'] })
  })

  it('draws nothing for scalars, a single row, or rows without a name and figure', () => {
    expect(chartOf({ firstDay: '2011-01-01', lastDay: '2011-12-09', currency: 'GBP' })).toBeNull()
    expect(chartOf({ points: [{ start: '2011-12-01', value: '1', lower80: '0', upper80: '2' }] })).toBeNull()
    expect(chartOf({ products: [{ name: 'A', netRevenue: '1' }] })).toBeNull()
    expect(chartOf({ bundles: [{ products: [{ productId: 'A' }], lift: 2 }, { products: [], lift: 3 }] })).toBeNull()
  })

  it('answerChartOf takes the first call whose data fits', () => {
    const calls = [
      { tool: 'data_range', data: { firstDay: '2011-01-01' } },
      { tool: 'top_products', data: { products: [{ name: 'A', netRevenue: '2' }, { name: 'B', netRevenue: '1' }] } },
    ]
    expect(answerChartOf(calls)?.tool).toBe('top_products')
    expect(answerChartOf([])).toBeNull()
  })
})
