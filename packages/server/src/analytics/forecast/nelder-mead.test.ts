import { describe, expect, it } from 'vitest'
import { nelderMead } from './nelder-mead.js'

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const rosenbrock = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2
    const result = nelderMead(rosenbrock, [-1.2, 1], { lower: [-5, -5], upper: [5, 5], maxEvaluations: 2000, tolerance: 1e-14 })
    expect(result.x[0]).toBeCloseTo(1, 3)
    expect(result.x[1]).toBeCloseTo(1, 3)
    expect(result.value).toBeLessThan(1e-6)
  })

  it('stops on the bound when the unconstrained minimum lies outside the box', () => {
    const result = nelderMead(([x = 0, y = 0]) => (x - 3) ** 2 + (y + 1) ** 2, [0.5, 0.5], { lower: [0, 0], upper: [1, 1] })
    expect(result.x[0]).toBeCloseTo(1, 6)
    expect(result.x[1]).toBeCloseTo(0, 6)
  })

  it('treats a non-finite objective as +∞ and respects the evaluation budget', () => {
    const result = nelderMead(([x = 0]) => (x < 0.2 ? Number.NaN : (x - 0.5) ** 2), [0.9], { lower: [0], upper: [1], maxEvaluations: 50 })
    expect(result.x[0]).toBeCloseTo(0.5, 4)
    expect(result.evaluations).toBeLessThanOrEqual(51)
  })
})
