import { describe, expect, it } from 'vitest'
import { mineAssociationRules } from './association-rules.js'

// 10 baskets, counted by hand: bread 6, butter 5, jam 3, milk 4;
// bread+butter 4, bread+jam 3, butter+jam 2, bread+butter+jam 2, milk alone in 4.
const baskets = [
  ['bread', 'butter', 'jam'],
  ['bread', 'butter', 'jam'],
  ['bread', 'butter'],
  ['bread', 'butter'],
  ['bread', 'jam'],
  ['bread'],
  ['butter', 'POST'],
  ['milk'],
  ['milk'],
  ['milk', 'milk'],
]

describe('mineAssociationRules', () => {
  it('computes support, confidence, lift, leverage and conviction by the textbook formulas', () => {
    const { basketCount, rules } = mineAssociationRules(baskets, { minSupportCount: 2, minLift: 0, minConfidence: 0 })
    expect(basketCount).toBe(10)
    const rule = rules.find((r) => r.antecedent.join() === 'butter' && r.consequent === 'bread')
    // support 4/10; confidence 4/5; lift 0.8 / 0.6; leverage 0.4 − 0.5·0.6; conviction 0.4 / 0.2
    expect(rule?.supportCount).toBe(4)
    expect(rule?.support).toBeCloseTo(0.4, 12)
    expect(rule?.confidence).toBeCloseTo(0.8, 12)
    expect(rule?.lift).toBeCloseTo(4 / 3, 12)
    expect(rule?.leverage).toBeCloseTo(0.1, 12)
    expect(rule?.conviction).toBeCloseTo(2, 12)
    const jam = rules.find((r) => r.antecedent.join() === 'jam' && r.consequent === 'bread')
    // confidence 3/3 = 1: conviction is infinite, reported as null
    expect(jam?.confidence).toBe(1)
    expect(jam?.lift).toBeCloseTo(1 / 0.6, 12)
    expect(jam?.conviction).toBeNull()
  })

  it('drops itemsets under the minimum support count and rules under the minimum lift', () => {
    const { rules } = mineAssociationRules(baskets, { minSupportCount: 3, minLift: 1.5, minConfidence: 0 })
    // bread+butter (4) has lift 1.33 < 1.5; butter+jam (2) is under support 3; bread+jam (3) passes both ways.
    expect(rules.map((r) => `${r.antecedent.join('+')}→${r.consequent}`)).toEqual(['jam→bread', 'bread→jam'])
  })

  it('finds triples from frequent pairs, with the confidence given both antecedents', () => {
    const { rules, bundles } = mineAssociationRules(baskets, { minSupportCount: 2, minLift: 0, minConfidence: 0, maxItemsetSize: 3 })
    const triple = rules.find((r) => r.antecedent.join('+') === 'bread+butter' && r.consequent === 'jam')
    // supp(bread,butter,jam) = 2, supp(bread,butter) = 4: confidence 0.5, lift 0.5 / 0.3
    expect(triple?.confidence).toBeCloseTo(0.5, 12)
    expect(triple?.lift).toBeCloseTo(5 / 3, 12)
    const bundle = bundles.find((b) => b.productIds.length === 3)
    expect(bundle?.productIds).toEqual(['bread', 'butter', 'jam'])
    // weakest inner rule: {bread,jam}→butter = (2/3) / 0.5
    expect(bundle?.lift).toBeCloseTo(4 / 3, 12)
  })

  it('removes non-products before counting and skips baskets over the size cap', () => {
    const result = mineAssociationRules([...baskets, ['a', 'b', 'c', 'd']], { minSupportCount: 1, minLift: 0, maxBasketSize: 3 })
    expect(result.basketCount).toBe(10)
    expect(result.skippedLargeBaskets).toBe(1)
    expect(result.rules.some((r) => r.consequent === 'POST' || r.antecedent.includes('POST'))).toBe(false)
    expect(result.rules.some((r) => r.consequent === 'a')).toBe(false)
  })

  it('orders ties by product id, whatever the basket order', () => {
    const pairs = [['x', 'y'], ['x', 'y'], ['p', 'q'], ['p', 'q']]
    const forward = mineAssociationRules(pairs, { minSupportCount: 2, minLift: 0 })
    const backward = mineAssociationRules([...pairs].reverse().map((b) => [...b].reverse()), { minSupportCount: 2, minLift: 0 })
    const names = forward.rules.map((r) => `${r.antecedent.join()}→${r.consequent}`)
    expect(names).toEqual(['p→q', 'q→p', 'x→y', 'y→x'])
    expect(backward.rules).toEqual(forward.rules)
  })
})
