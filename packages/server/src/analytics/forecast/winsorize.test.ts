import { describe, expect, it } from 'vitest'
import { winsorizeHighs } from './winsorize.js'

describe('winsorizeHighs', () => {
  // 40 open days alternating 90 / 110: each day's local median is its own value except near the
  // ends, so the robust spread is small and a spike is brought back close to its neighbours.
  const base: number[] = Array.from({ length: 40 }, (_, t) => (t % 2 === 0 ? 90 : 110))
  const open = base.map(() => false)

  it('caps a huge value above its local median and leaves the rest alone', () => {
    const y = [...base]
    y[20] = 1000
    const { values, capped } = winsorizeHighs(y, open, 3)
    expect(capped).toBe(1)
    // The window around day 20 holds 14 × 90, 14 × 110 and the spike: local median 110.
    expect(values[20]).toBeGreaterThan(110)
    expect(values[20]).toBeLessThan(150)
    // A larger k caps less.
    expect(winsorizeHighs(y, open, 6).values[20]).toBeGreaterThan(values[20] ?? 0)
    expect(values.filter((_, t) => t !== 20)).toEqual(base.filter((_, t) => t !== 20))
  })

  it('does not raise low values, skips closed days and is off for k ≤ 0', () => {
    const y = [...base]
    y[10] = 0
    y[30] = 5000
    const closed = open.map((_, t) => t === 30)
    expect(winsorizeHighs(y, closed, 3)).toEqual({ values: y, capped: 0 })
    y[30] = 110
    expect(winsorizeHighs([...y.slice(0, 20), 900, ...y.slice(21)], open, 0).capped).toBe(0)
  })

  it('leaves a history too short for a local level unchanged', () => {
    expect(winsorizeHighs([1, 2, 1000], [false, false, false], 3)).toEqual({ values: [1, 2, 1000], capped: 0 })
  })
})
