import { describe, expect, it } from 'vitest'
import { modelFamily } from './models.js'
import { selectModel } from './select-model.js'

describe('selectModel combination', () => {
  // Ten weeks of a steady weekly pattern plus uniform noise from a fixed linear congruential
  // generator: averaging past weeks (the seasonal mean) beats repeating the last one.
  const profile = [1, 1.2, 0.9, 1.1, 1.3, 0.5, 0.8]
  let state = 12345
  const noise = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648 - 0.5
  }
  const series = Array.from({ length: 70 }, (_, t) => 100 * (profile[t % 7] ?? 1) + 60 * noise())

  it("with combineAcross 'families' averages the best model of each family", () => {
    const result = selectModel(series, { horizon: 7, period: 7, origins: 14, combineAcross: 'families' })
    expect(result.model).toBe('combination')
    expect(result.components.map(modelFamily).sort()).toEqual(['local_mean', 'smoothing'])
    expect(result.notes.join(' ')).toMatch(/best of each family/)
  })

  it('by default takes the best two whatever their family', () => {
    const result = selectModel(series, { horizon: 7, period: 7, origins: 14 })
    const pool = result.ranking.filter((r) => r.model !== 'combination' && r.model !== 'seasonal_naive')
    expect(result.components).toEqual(pool.slice(0, 2).map((r) => r.model))
  })

  it('falls back to the best two when every candidate is of one family', () => {
    const result = selectModel(series, { horizon: 7, period: 7, origins: 14, combineAcross: 'families', models: ['seasonal_naive', 'ses', 'damped_trend', 'theta'] })
    expect(result.components).toHaveLength(2)
    expect(result.components.every((m) => modelFamily(m) === 'smoothing')).toBe(true)
  })

  it('leaves out a family whose best does not beat seasonal naive (the seasonal mean on a steady rise)', () => {
    const rising = Array.from({ length: 56 }, (_, t) => (100 + 3 * t) * (profile[t % 7] ?? 1))
    const result = selectModel(rising, { horizon: 7, period: 7, origins: 14, combineAcross: 'families' })
    expect(result.components).not.toContain('seasonal_mean')
    expect(result.components).toHaveLength(2)
    expect(result.backtest.mase).toBeLessThan(result.backtest.baseline.mase)
  })
})
