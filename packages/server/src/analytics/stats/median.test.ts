import { describe, expect, it } from 'vitest'
import { MAD_TO_SIGMA, mad, median, robustSigma } from './median.js'
import { normalQuantile } from './normal.js'

describe('median', () => {
  it('takes the middle value of an odd-length input, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([9, -4, 7, 0, 5])).toBe(5)
    expect(median([42])).toBe(42)
  })

  it('averages the two middle values of an even-length input', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([-1, 1])).toBe(0)
  })

  it('sorts numerically, not lexicographically', () => {
    // A default Array#sort would order these as 10, 100, 9 and return 100.
    expect(median([100, 9, 10])).toBe(10)
  })

  it('does not modify its input and accepts typed arrays', () => {
    const input = [5, 3, 1]
    expect(median(input)).toBe(3)
    expect(input).toEqual([5, 3, 1])
    expect(median(new Float64Array([2, 8, 4, 6]))).toBe(5)
  })

  it('returns NaN for no values', () => {
    expect(median([])).toBeNaN()
    expect(mad([])).toBeNaN()
    expect(robustSigma([])).toBeNaN()
  })
})

describe('mad and robustSigma', () => {
  it('computes the raw median absolute deviation', () => {
    // median 2; |deviations| = 1,1,0,0,2,4,7 → sorted 0,0,1,1,2,4,7 → 1
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1)
    expect(mad([7, 7, 7])).toBe(0)
  })

  it('scales the MAD by 1.4826', () => {
    expect(MAD_TO_SIGMA).toBe(1.4826)
    expect(robustSigma([1, 1, 2, 2, 4, 6, 9])).toBeCloseTo(1.4826, 12)
  })

  it('ignores a gross outlier that would wreck the standard deviation', () => {
    const clean = [10, 11, 9, 10, 12, 8, 10, 11, 9]
    const dirty = [...clean.slice(0, -1), 1e6]
    expect(robustSigma(dirty)).toBeCloseTo(robustSigma(clean), 12)
  })

  it('matches σ for normally distributed data', () => {
    // An idealised N(10, 2²) sample: the normal quantiles at k/1000, scaled and shifted.
    const sample = Array.from({ length: 999 }, (_, k) => 10 + 2 * normalQuantile((k + 1) / 1000))
    expect(robustSigma(sample)).toBeCloseTo(2, 2)
  })
})
