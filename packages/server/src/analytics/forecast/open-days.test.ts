import { describe, expect, it } from 'vitest'
import { theta } from './theta.js'
import { fitOnOpenDays, inferClosedDays, regularClosedPhases } from './open-days.js'
import { selectModel } from './select-model.js'

// Ten weeks of a shop open six days a week, closed on phase 3 (the "Saturday"), with a weekly
// profile, a slow rise, a little deterministic noise and one closed holiday on an open weekday.
const profile = [100, 120, 110, 0, 60, 90, 130]
const weeks = 10
const series = Array.from({ length: 7 * weeks }, (_, t) => {
  if (t % 7 === 3 || t === 30) return 0
  return (profile[t % 7] ?? 0) * (1 + t / 200) + ((t * 37) % 11) - 5
})

describe('inferClosedDays', () => {
  it('finds the weekly closure (also ahead) and the one-off holiday', () => {
    const closed = inferClosedDays(series, 7, 7)
    expect(closed).toHaveLength(series.length + 7)
    expect(closed.filter((c, t) => c && t % 7 !== 3)).toHaveLength(1)
    expect(closed[30]).toBe(true)
    for (let t = 3; t < series.length + 7; t += 7) expect(closed[t]).toBe(true)
    expect(regularClosedPhases(closed, series.length, 7, 7)).toEqual(new Set([3]))
  })

  it('reads no one-off closures into a sparse series where zeros are ordinary', () => {
    const sparse = Array.from({ length: 28 }, (_, t) => (t % 3 === 0 ? 0 : 5))
    expect(inferClosedDays(sparse, 7, 0).some(Boolean)).toBe(false)
  })
})

describe('fitOnOpenDays', () => {
  it('forecasts the closed weekday as exactly 0 and fits a six-day season on the rest', () => {
    const closed = inferClosedDays(series, 7, 7)
    let seen: { period: number; length: number; missing: number } | undefined
    const fit = fitOnOpenDays({ y: series, period: 7, horizon: 7 }, closed, (open) => {
      seen = { period: open.period, length: open.y.length, missing: (open.observed ?? []).filter((o) => !o).length }
      return theta(open)
    })
    expect(seen).toEqual({ period: 6, length: 6 * weeks, missing: 1 })
    // day 70 is phase 0, so phase 3 is the 4th point ahead
    expect(fit.forecast[3]).toBe(0)
    expect(fit.forecast.filter((v) => v === 0)).toHaveLength(1)
    // the profile survives: phase 6 (130) above phase 4 (60)
    expect(fit.forecast[6] ?? 0).toBeGreaterThan(1.5 * (fit.forecast[4] ?? 0))
  })
})

describe('selectModel', () => {
  it('forecasts closed days as exactly 0 with a [0, 0] interval and reports the baseline', () => {
    const result = selectModel(series, { horizon: 7, period: 7, origins: 14 })
    expect(result.points[3]).toEqual({ value: 0, lower80: 0, upper80: 0, lower95: 0, upper95: 0, closed: true })
    for (const [s, p] of result.points.entries()) {
      if (s === 3) continue
      // Nested bounds. The point itself may sit near or just outside the 80% band: the bands are
      // the backtest's error quantiles, and on this steadily rising series the combination (with
      // the lagging seasonal mean in it) under-forecasts, so its errors are mostly positive.
      expect(p.lower95).toBeLessThanOrEqual(p.lower80)
      expect(p.lower80).toBeLessThan(p.upper80)
      expect(p.upper80).toBeLessThanOrEqual(p.upper95)
      expect(p.value).toBeGreaterThanOrEqual(p.lower95)
      expect(p.value).toBeLessThanOrEqual(p.upper80)
    }
    expect(result.backtest.origins).toBe(14)
    expect(result.backtest.baseline.model).toBe('seasonal_naive')
    // on this smooth series the smoothing models beat repeating last week's noise
    expect(result.backtest.mase).toBeLessThan(result.backtest.baseline.mase)
  })

  it('uses only non-seasonal models on less than two seasons of history, and says why', () => {
    const result = selectModel([5, 6, 7, 5, 6, 7, 5, 6, 7, 5], { horizon: 3, period: 7 })
    expect(result.components.some((m) => m.startsWith('holt_winters'))).toBe(false)
    expect(result.notes.join('\n')).toMatch(/shorter than two seasons \(10 < 14\)/)
    expect(result.notes.join('\n')).toMatch(/residual spread/)
    expect(result.points).toHaveLength(3)
  })

  it('clips at 0 for non-negative metrics', () => {
    const falling = [9, 7, 5, 3, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]
    const result = selectModel(falling, { horizon: 4, period: 1, origins: 8, nonNegative: true, calendar: 'none' })
    for (const p of result.points) expect(Math.min(p.value, p.lower80, p.lower95)).toBeGreaterThanOrEqual(0)
  })
})
