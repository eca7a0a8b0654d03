import { describe, expect, it } from 'vitest'
import { findUngrounded, groundsFromJson, readNumber } from './grounding.js'
import { formatChange, formatMoney, formatNumber, formatPercent } from './number-format.js'

const texts = (problems: Array<{ text: string }>) => problems.map((problem) => problem.text)

describe('readNumber', () => {
  it('reads English, Russian and ambiguous separators', () => {
    expect(readNumber('1,234.5')).toEqual([{ value: 1234.5, tolerance: 0.05 }])
    expect(readNumber('1 234,5')).toEqual([{ value: 1234.5, tolerance: 0.05 }])
    expect(readNumber('1\u00a0234\u00a0567')).toEqual([{ value: 1234567, tolerance: 0.5 }])
    expect(readNumber('12,5').map((reading) => reading.value)).toEqual([12.5])
    expect(readNumber('1,234').map((reading) => reading.value)).toEqual([1234, 1.234])
  })
})

describe('findUngrounded', () => {
  const grounds = { values: [1234.56, -0.1534, 87, 2011, 3, 1], literals: ['SET OF 3 CAKE TINS', '85123A', '2011-03-01'] }

  it('accepts figures rounded and formatted in either locale', () => {
    const en = `Net revenue was ${formatMoney('1234.56', 'GBP', 'en')} (${formatChange(-0.1534, 'en')}), about £1.2k, from 87 orders.`
    const ru = `Выручка составила ${formatMoney('1234.56', 'GBP', 'ru')} (${formatChange(-0.1534, 'ru')}), около 1,2 тыс. £, ${formatNumber(87, 'ru')} заказов; ${formatPercent(0.1534, 'ru')}.`
    expect(findUngrounded(en, grounds)).toEqual([])
    expect(findUngrounded(ru, grounds)).toEqual([])
    expect(findUngrounded('Revenue fell 15% in 2011', grounds)).toEqual([])
  })

  it('ignores digits inside names, ids and known dates', () => {
    expect(findUngrounded('SET OF 3 CAKE TINS and 85123A sold on 2011-03-01', grounds)).toEqual([])
  })

  it('flags a figure that is in no fact, wrong rounding, and unknown dates', () => {
    expect(texts(findUngrounded('Revenue was £1,240.00 and orders rose 40%', grounds))).toEqual(['1,240.00', '40'])
    expect(texts(findUngrounded('Выручка 1 235,56 £ на 2011-04-01', grounds))).toEqual(['1 235,56', '2011-04-01'])
  })

  it('reads grounds from tool data: numbers, decimal strings, dates and list lengths', () => {
    const data = { period: { from: '2011-03-01' }, totals: { netRevenue: '1000.50', orders: 12 }, top: [{ name: 'JUMBO BAG 50' }, { name: 'x' }] }
    const grounds = groundsFromJson(data)
    expect(findUngrounded('2 products, 12 orders, £1,000.50 since 1 March 2011; JUMBO BAG 50', grounds)).toEqual([])
  })
})
