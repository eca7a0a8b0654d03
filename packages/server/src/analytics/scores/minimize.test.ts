import { describe, expect, it } from 'vitest'
import { minimize, numericGradient } from './minimize.js'

describe('minimize', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const rosenbrock = ([x = 0, y = 0]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2
    const result = minimize(rosenbrock, [-1.2, 1])
    expect(result.converged).toBe(true)
    expect(result.x[0]).toBeCloseTo(1, 5)
    expect(result.x[1]).toBeCloseTo(1, 5)
  })

  it('minimises a badly scaled quadratic', () => {
    const f = ([x = 0, y = 0, z = 0]: number[]) => (x - 3) ** 2 + 1e4 * (y + 1) ** 2 + 0.01 * (z - 50) ** 2
    const result = minimize(f, [0, 0, 0])
    expect(result.x[0]).toBeCloseTo(3, 4)
    expect(result.x[1]).toBeCloseTo(-1, 6)
    expect(result.x[2]).toBeCloseTo(50, 2)
  })

  it('treats non-finite values as out of bounds in the line search', () => {
    // −log x + x has its minimum at x = 1; NaN for x ≤ 0.
    const result = minimize(([x = 0]: number[]) => (x > 0 ? -Math.log(x) + x : Number.NaN), [0.05])
    expect(result.x[0]).toBeCloseTo(1, 6)
  })

  it('rejects a start point where the objective is not finite', () => {
    expect(() => minimize(() => Number.NaN, [0])).toThrow(RangeError)
  })

  it('computes central-difference gradients', () => {
    const gradient = numericGradient(([x = 0, y = 0]) => x * x * y + Math.sin(y), [2, 0.5])
    expect(gradient[0]).toBeCloseTo(2 * 2 * 0.5, 8)
    expect(gradient[1]).toBeCloseTo(4 + Math.cos(0.5), 8)
  })
})
