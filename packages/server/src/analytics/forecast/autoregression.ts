import { fillMissing, isObserved, type ModelFit, type ModelInput } from './model-input.js'

/** A fitted autoregression zₜ = c + φ₁zₜ₋₁ + … + φₚzₜ₋ₚ + εₜ. */
export interface AutoregressionFit {
  intercept: number
  /** φ₁ … φₚ (empty for p = 0, the mean). */
  coefficients: number[]
  /** Residual variance (maximum likelihood, SSE / rows). */
  variance: number
  /** Corrected Akaike criterion of the fit. */
  aicc: number
}

/** Solves A x = b by Gaussian elimination with partial pivoting; undefined when A is singular. */
export function solveLinear(a: readonly (readonly number[])[], b: readonly number[]): number[] | undefined {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i] ?? 0])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r
    const top = m[pivot]
    if (!top || Math.abs(top[col] ?? 0) < 1e-12) return undefined
    ;[m[col], m[pivot]] = [top, m[col] ?? top]
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const factor = (m[r]?.[col] ?? 0) / (top[col] ?? 1)
      if (factor === 0) continue
      const row = m[r] ?? []
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - factor * (top[c] ?? 0)
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1))
}

/**
 * Least-squares (conditional maximum-likelihood) fit of an AR(p) with intercept on the rows
 * `t ∈ rows` (each needs zₜ and its p lags). AICc = k·ln σ̂² + 2q + 2q(q + 1)/(k − q − 1) with q = p + 2
 * parameters (intercept, φ's, σ²) over k rows; undefined when there are too few rows.
 */
export function fitAutoregression(z: readonly number[], rows: readonly number[], p: number): AutoregressionFit | undefined {
  const q = p + 2
  const k = rows.length
  if (k - q - 1 <= 0) return undefined
  const size = p + 1
  const xtx = Array.from({ length: size }, () => new Array<number>(size).fill(0))
  const xty = new Array<number>(size).fill(0)
  for (const t of rows) {
    const x = [1, ...Array.from({ length: p }, (_, i) => z[t - i - 1] ?? 0)]
    for (let i = 0; i < size; i++) {
      xty[i] = (xty[i] ?? 0) + (x[i] ?? 0) * (z[t] ?? 0)
      const row = xtx[i] ?? []
      for (let j = 0; j < size; j++) row[j] = (row[j] ?? 0) + (x[i] ?? 0) * (x[j] ?? 0)
    }
  }
  const beta = solveLinear(xtx, xty)
  if (!beta) return undefined
  let sse = 0
  for (const t of rows) {
    let predicted = beta[0] ?? 0
    for (let i = 0; i < p; i++) predicted += (beta[i + 1] ?? 0) * (z[t - i - 1] ?? 0)
    sse += ((z[t] ?? 0) - predicted) ** 2
  }
  const variance = sse / k
  if (!(variance > 0)) return undefined
  const aicc = k * Math.log(variance) + 2 * q + (2 * q * (q + 1)) / (k - q - 1)
  return { intercept: beta[0] ?? 0, coefficients: beta.slice(1), variance, aicc }
}

/**
 * Autoregression of the order 0…`maxOrder` with the lowest AICc, every order fitted on the same
 * rows (the observed points whose `maxOrder` lags are all observed) so their criteria compare.
 */
export function selectAutoregression(input: ModelInput, maxOrder: number): AutoregressionFit | undefined {
  const rows: number[] = []
  for (let t = maxOrder; t < input.y.length; t++) {
    let complete = isObserved(input, t)
    for (let i = 1; complete && i <= maxOrder; i++) complete = isObserved(input, t - i)
    if (complete) rows.push(t)
  }
  let best: AutoregressionFit | undefined
  for (let p = 0; p <= maxOrder; p++) {
    const fit = fitAutoregression(input.y, rows, p)
    if (fit && (!best || fit.aicc < best.aicc)) best = fit
  }
  return best
}

/** The AR recursion's prediction of point `t` from the values before it (lags before the start read as the first value). */
function predictAt(fit: AutoregressionFit, values: readonly number[], t: number): number {
  let value = fit.intercept
  fit.coefficients.forEach((phi, i) => {
    value += phi * (values[Math.max(0, t - 1 - i)] ?? 0)
  })
  return value
}

/**
 * An autoregression fitted to the series as it is (no seasonal adjustment; see withBoxCox for the
 * transformed, adjusted version): order 0 … max(4, 2 × period) chosen by AICc, coefficients by
 * least squares, forecasts by the recursion on its own predictions. Missing points are filled by
 * the last value at the same phase for the lags. Residuals are the one-step errors at every observed
 * point after the first. With too little data it is the mean of the observed values.
 */
export function fitAutoregressionPlain(input: ModelInput): ModelFit {
  const filled = fillMissing(input)
  const maxOrder = Math.max(4, 2 * input.period)
  const fit = selectAutoregression(input, Math.min(maxOrder, Math.floor(input.y.length / 4))) ?? meanOnly(input)
  const residuals: number[] = []
  let first = true
  for (let t = 0; t < filled.length; t++) {
    if (!isObserved(input, t)) continue
    if (!first) residuals.push((filled[t] ?? 0) - predictAt(fit, filled, t))
    first = false
  }
  const path = [...filled]
  for (let h = 0; h < input.horizon; h++) path.push(predictAt(fit, path, path.length))
  return {
    model: 'autoregression',
    forecast: path.slice(filled.length),
    residuals,
    params: { order: fit.coefficients.length, intercept: fit.intercept, aicc: fit.aicc },
    notes: [`AR(${fit.coefficients.length}) by AICc`],
  }
}

function meanOnly(input: ModelInput): AutoregressionFit {
  const values = input.y.filter((_, t) => isObserved(input, t))
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
  return { intercept: mean, coefficients: [], variance: Number.NaN, aicc: Number.NaN }
}
