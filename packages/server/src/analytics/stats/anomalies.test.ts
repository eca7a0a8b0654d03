import { describe, expect, it } from 'vitest'
import { detectAnomalies } from './anomalies.js'

const WEEK = [100, 120, 130, 125, 140, 60, 50]

/** Deterministic uniform noise in [−amplitude, amplitude] (mulberry32 PRNG, fixed seed). */
function noise(count: number, amplitude: number, seed = 12345): number[] {
  let state = seed >>> 0
  return Array.from({ length: count }, () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296
    return (2 * unit - 1) * amplitude
  })
}

/** `weeks` weeks of daily data with a weekly shape plus uniform noise in [−3, 3]. */
function weeklySeries(weeks: number, shape: readonly number[] = WEEK, seed = 12345): number[] {
  const jitter = noise(weeks * 7, 3, seed)
  return jitter.map((e, i) => (shape[i % 7] ?? 0) + e)
}

describe('detectAnomalies', () => {
  it('finds exactly the injected spike in a weekly-seasonal series', () => {
    const values = weeklySeries(12)
    const spikeAt = 61 // phase 5 of the week, where the level is ~60
    values[spikeAt] = 150
    const anomalies = detectAnomalies(values, { seasonLength: 7 })
    expect(anomalies.map((a) => a.index)).toEqual([spikeAt])
    const [spike] = anomalies
    expect(spike?.kind).toBe('spike')
    expect(spike?.actual).toBe(150)
    expect(spike?.expected).toBeGreaterThanOrEqual(57)
    expect(spike?.expected).toBeLessThanOrEqual(63)
    expect(spike?.score).toBeGreaterThan(3.5)
  })

  it('reports a drop with a negative score', () => {
    const values = weeklySeries(12)
    values[44] = 20 // phase 2 of the week, where the level is ~130
    const anomalies = detectAnomalies(values, { seasonLength: 7 })
    expect(anomalies).toHaveLength(1)
    expect(anomalies[0]).toMatchObject({ index: 44, actual: 20, kind: 'drop' })
    expect(anomalies[0]?.score).toBeLessThan(-3.5)
  })

  it('compares each day with the same weekday: weekends are not drops when seasonal', () => {
    const values = weeklySeries(6, [100, 100, 100, 100, 100, 40, 40])
    expect(detectAnomalies(values, { seasonLength: 7 })).toEqual([])
    // Without seasonality every weekend day looks like a collapse against the weekday-dominated window.
    const plain = detectAnomalies(values)
    expect(plain.length).toBeGreaterThan(0)
    expect(plain.every((a) => a.kind === 'drop' && a.index % 7 >= 5)).toBe(true)
  })

  it('flags nothing in a constant series', () => {
    const constant = Array.from({ length: 60 }, () => 42)
    expect(detectAnomalies(constant)).toEqual([])
    expect(detectAnomalies(constant, { seasonLength: 7 })).toEqual([])
    expect(detectAnomalies(Array.from({ length: 30 }, () => 0))).toEqual([])
  })

  it('flags nothing with less history than minHistory', () => {
    expect(detectAnomalies([10, 10, 10, 1000])).toEqual([]) // 3 past values < 4
    expect(detectAnomalies([10, 10, 10, 1000], { minHistory: 3 }).map((a) => a.index)).toEqual([3])
    // Seasonal: only 3 earlier same-weekday values before the outlier.
    const values = weeklySeries(4)
    values[25] = 1000
    expect(detectAnomalies(values, { seasonLength: 7 })).toEqual([])
    expect(detectAnomalies(values, { seasonLength: 7, minHistory: 3 }).map((a) => a.index)).toEqual([25])
    expect(detectAnomalies([])).toEqual([])
  })

  it('scores against the rolling median and robust sigma of the previous window', () => {
    const values = [10, 12, 9, 11, 10, 13, 8, 30, 11]
    const anomalies = detectAnomalies(values)
    // For index 7: window [10,12,9,11,10,13,8] → median 10, |dev| 0,2,1,1,0,3,2 → MAD 1,
    // sigma = max(1.4826, 0.05·10) = 1.4826, score = 20 / 1.4826.
    expect(anomalies).toEqual([{ index: 7, actual: 30, expected: 10, score: 20 / 1.4826, kind: 'spike' }])
  })

  it('does not let a past spike mask or cause later verdicts', () => {
    const values = [10, 12, 9, 11, 10, 13, 8, 30, 11, 10, 12, 9, 50, 10]
    expect(detectAnomalies(values).map((a) => a.index)).toEqual([7, 12])
  })

  it('respects the threshold', () => {
    const values = [10, 12, 9, 11, 10, 13, 8, 14]
    // score for index 7 = 4 / 1.4826 ≈ 2.70
    expect(detectAnomalies(values)).toEqual([])
    expect(detectAnomalies(values, { threshold: 2.5 }).map((a) => a.index)).toEqual([7])
  })

  it('treats non-finite values as missing', () => {
    const values = [10, 12, Number.NaN, 11, 10, 13, 8, Number.NaN, 60, 11]
    const anomalies = detectAnomalies(values)
    expect(anomalies.map((a) => a.index)).toEqual([8])
    expect(anomalies.every((a) => Number.isFinite(a.score) && Number.isFinite(a.expected))).toBe(true)
  })

  it('flags the first non-zero value after an all-zero history unless minSigma says otherwise', () => {
    const values = [0, 0, 0, 0, 0, 0, 0, 1]
    expect(detectAnomalies(values).map((a) => a.index)).toEqual([7])
    expect(detectAnomalies(values, { minSigma: 1 })).toEqual([])
  })

  it('rejects invalid options', () => {
    expect(() => detectAnomalies([1, 2, 3], { seasonLength: 0 })).toThrow(RangeError)
    expect(() => detectAnomalies([1, 2, 3], { window: 2.5 })).toThrow(RangeError)
    expect(() => detectAnomalies([1, 2, 3], { window: 3, minHistory: 4 })).toThrow(RangeError)
    expect(() => detectAnomalies([1, 2, 3], { threshold: 0 })).toThrow(RangeError)
    expect(() => detectAnomalies([1, 2, 3], { minSigma: 0 })).toThrow(RangeError)
  })
})
