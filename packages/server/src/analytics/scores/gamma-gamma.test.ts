import { describe, expect, it } from 'vitest'
import { logGamma } from '../stats/index.js'
import { CDNOW_CALIBRATION_LAST_DAY, readCdnowPurchases } from './cdnow-fixture.js'
import { summarizeCustomers } from './customer-summary.js'
import {
  expectedAverageValue,
  fitGammaGamma,
  gammaGammaCustomerLogLikelihood,
  pearsonCorrelation,
} from './gamma-gamma.js'
import { integrateUnit } from './test-quadrature.js'

describe('gammaGammaCustomerLogLikelihood', () => {
  it('matches the density of m̄ obtained by integrating ν out numerically', () => {
    const params = { p: 2.5, q: 3.2, gamma: 12 }
    const x = 3
    const m = 7.5
    // m̄ | ν ~ Gamma(px, νx); ν ~ Gamma(q, γ). Integrate over ν = u / (1 − u) on (0, ∞).
    const density = integrateUnit((u, v) => {
      const nu = u / v
      const logConditional = params.p * x * Math.log(nu * x) + (params.p * x - 1) * Math.log(m) - nu * x * m - logGamma(params.p * x)
      const logPrior = params.q * Math.log(params.gamma) + (params.q - 1) * Math.log(nu) - params.gamma * nu - logGamma(params.q)
      return Math.exp(logConditional + logPrior) / (v * v)
    })
    expect(gammaGammaCustomerLogLikelihood(params, { frequency: x, monetary: m })).toBeCloseTo(Math.log(density), 9)
  })

  it('ignores customers without repeat transactions', () => {
    expect(gammaGammaCustomerLogLikelihood({ p: 1, q: 2, gamma: 3 }, { frequency: 0, monetary: 0 })).toBe(0)
  })
})

describe('expectedAverageValue', () => {
  const params = { p: 6, q: 4, gamma: 15 }

  it('is the population mean pγ / (q − 1) without repeat transactions', () => {
    expect(expectedAverageValue(params, { frequency: 0, monetary: 0 })).toBeCloseTo(30, 12)
  })

  it('shrinks a customer’s mean towards the population mean, less so with more transactions', () => {
    // x = 1, m̄ = 60: 6 · (15 + 60) / (6 + 3) = 50
    expect(expectedAverageValue(params, { frequency: 1, monetary: 60 })).toBeCloseTo(50, 12)
    // x = 10, m̄ = 60: 6 · (15 + 600) / (60 + 3) ≈ 58.571
    expect(expectedAverageValue(params, { frequency: 10, monetary: 60 })).toBeCloseTo(3690 / 63, 12)
  })

  it('is NaN when q ≤ 1 (infinite population mean)', () => {
    expect(expectedAverageValue({ p: 1, q: 0.9, gamma: 1 }, { frequency: 1, monetary: 5 })).toBeNaN()
  })
})

describe('pearsonCorrelation', () => {
  it('computes the correlation coefficient', () => {
    expect(pearsonCorrelation([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 14)
    expect(pearsonCorrelation([1, 2, 3], [3, 1, 2])).toBeCloseTo(-0.5, 14)
    expect(pearsonCorrelation([1], [1])).toBeNaN()
  })
})

describe('fitGammaGamma', () => {
  it('recovers the parameters of a large simulated sample', () => {
    // Deterministic pseudo-random draws (mulberry32) from the model itself.
    let seed = 12345
    const uniform = () => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const normal = () => Math.sqrt(-2 * Math.log(uniform() || 1e-300)) * Math.cos(2 * Math.PI * uniform())
    // Marsaglia–Tsang gamma sampler (shape ≥ 1 here).
    const gammaDraw = (shape: number, rate: number) => {
      const d = shape - 1 / 3
      const c = 1 / Math.sqrt(9 * d)
      for (;;) {
        const z = normal()
        const v = (1 + c * z) ** 3
        if (v > 0 && Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate
      }
    }
    const truth = { p: 4, q: 5, gamma: 60 }
    const customers = Array.from({ length: 20_000 }, (_, i) => {
      const frequency = 1 + (i % 6)
      const nu = gammaDraw(truth.q, truth.gamma)
      let total = 0
      for (let k = 0; k < frequency; k++) total += gammaDraw(truth.p, nu)
      return { frequency, monetary: total / frequency }
    })
    const fit = fitGammaGamma(customers)
    expect(fit.converged).toBe(true)
    expect(Math.abs(fit.params.p / truth.p - 1)).toBeLessThan(0.05)
    expect(Math.abs(fit.params.q / truth.q - 1)).toBeLessThan(0.1)
    expect(Math.abs(fit.params.gamma / truth.gamma - 1)).toBeLessThan(0.1)
    // Independent by construction.
    expect(Math.abs(fit.frequencyMonetaryCorrelation)).toBeLessThan(0.03)
  })

  it('reproduces the published CDNOW estimates p = 6.25, q = 3.74, γ = 15.44 and the 0.11 correlation', () => {
    const summaries = summarizeCustomers(readCdnowPurchases(), { lastDay: CDNOW_CALIBRATION_LAST_DAY, unitDays: 7 })
    const fit = fitGammaGamma([...summaries.values()])
    expect(fit.customers).toBe(946)
    expect(fit.params.p).toBeCloseTo(6.25, 2)
    expect(fit.params.q).toBeCloseTo(3.74, 2)
    expect(fit.params.gamma).toBeCloseTo(15.44, 1)
    expect(fit.frequencyMonetaryCorrelation).toBeCloseTo(0.11, 2)
  })

  it('needs at least two repeat customers', () => {
    expect(() => fitGammaGamma([{ frequency: 0, monetary: 0 }])).toThrow(RangeError)
  })
})
