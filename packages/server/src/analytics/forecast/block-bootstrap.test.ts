import { describe, expect, it } from 'vitest'
import { seededUniform } from '../stats/seeded-uniform.js'
import { movingBlockBootstrap } from './block-bootstrap.js'

describe('seededUniform', () => {
  it('repeats the same sequence in [0, 1) for the same seed', () => {
    const a = seededUniform(7)
    const b = seededUniform(7)
    const xs = Array.from({ length: 50 }, () => a())
    expect(Array.from({ length: 50 }, () => b())).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(seededUniform(8)()).not.toBe(xs[0])
  })
})

describe('movingBlockBootstrap', () => {
  it('chains ⌊n/b⌋ + 2 random blocks and reads n values from a random offset', () => {
    // n = 5, b = 2: 4 blocks starting at ⌊4r⌋ = 0, 2, 3, 1, then offset ⌊2 × 0.5⌋ = 1.
    const draws = [0, 0.5, 0.99, 0.25, 0.5]
    let i = 0
    const random = (): number => draws[i++] ?? 0
    // chain 10 11 | 12 13 | 13 14 | 11 12, read from position 1
    expect(movingBlockBootstrap([10, 11, 12, 13, 14], 2, random)).toEqual([11, 12, 13, 13, 14])
  })

  it('keeps runs of consecutive values and the length', () => {
    const values = Array.from({ length: 100 }, (_, t) => t)
    const out = movingBlockBootstrap(values, 12, seededUniform(3))
    expect(out).toHaveLength(100)
    const breaks = out.slice(1).filter((v, t) => v !== (out[t] ?? 0) + 1).length
    expect(breaks).toBeLessThanOrEqual(Math.floor(100 / 12) + 1)
    expect(movingBlockBootstrap([1, 2, 3], 5, seededUniform(1))).toEqual([1, 2, 3])
  })
})
