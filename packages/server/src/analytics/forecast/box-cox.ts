/** Box–Cox transform (Box & Cox 1964) of a positive value: (y^λ − 1)/λ, or ln y at λ = 0. */
export function boxCox(y: number, lambda: number): number {
  return lambda === 0 ? Math.log(y) : (y ** lambda - 1) / lambda
}

/**
 * Inverse of {@link boxCox}: (λz + 1)^(1/λ), or eᶻ at λ = 0. Where λz + 1 ≤ 0 (outside the
 * transform's range) the result is 0. Back-transforming a forecast this way gives the median of
 * the forecast distribution, not its mean — the point forecast that minimises the absolute error.
 */
export function inverseBoxCox(z: number, lambda: number): number {
  if (lambda === 0) return Math.exp(z)
  const base = lambda * z + 1
  return base <= 0 ? 0 : base ** (1 / lambda)
}

/** Lowest and highest λ considered by {@link boxCoxLambda}: between the log and no transform. */
export const LAMBDA_RANGE = [0, 1] as const

/**
 * Profile log-likelihood of λ under a seasonal random walk on the transformed scale, zₜ = zₜ₋ₘ + εₜ
 * with Gaussian εₜ: −(k/2)·ln σ̂²(λ) + (λ − 1)·Σ ln yₜ over the k pairs (yₜ, yₜ₋ₘ) that are both
 * present (the Jacobian term makes values on different scales comparable). Absent values are NaN.
 */
export function boxCoxLogLikelihood(values: readonly number[], period: number, lambda: number): number {
  const m = Math.max(1, period)
  let sumSquares = 0
  let sumLog = 0
  let k = 0
  for (let t = m; t < values.length; t++) {
    const y = values[t] ?? Number.NaN
    const previous = values[t - m] ?? Number.NaN
    if (!(y > 0) || !(previous > 0)) continue
    const d = boxCox(y, lambda) - boxCox(previous, lambda)
    sumSquares += d * d
    sumLog += Math.log(y)
    k++
  }
  if (k < 2 || sumSquares === 0) return Number.NaN
  return -(k / 2) * Math.log(sumSquares / k) + (lambda - 1) * sumLog
}

/**
 * The λ in {@link LAMBDA_RANGE} that maximises {@link boxCoxLogLikelihood}: a grid of 0.05 steps,
 * refined by golden-section search around the best grid point. 1 (no transform) when the
 * likelihood cannot be computed (too few positive pairs).
 */
export function boxCoxLambda(values: readonly number[], period: number): number {
  const [low, high] = LAMBDA_RANGE
  const f = (lambda: number): number => boxCoxLogLikelihood(values, period, lambda)
  let best = Number.NaN
  let bestValue = Number.NEGATIVE_INFINITY
  for (let i = 0; i <= 20; i++) {
    const lambda = low + ((high - low) * i) / 20
    const value = f(lambda)
    if (value > bestValue) {
      bestValue = value
      best = lambda
    }
  }
  if (Number.isNaN(best)) return 1
  let a = Math.max(low, best - 0.05)
  let b = Math.min(high, best + 0.05)
  const ratio = (Math.sqrt(5) - 1) / 2
  for (let i = 0; i < 30; i++) {
    const c = b - ratio * (b - a)
    const d = a + ratio * (b - a)
    if (f(c) >= f(d)) b = d
    else a = c
  }
  const refined = (a + b) / 2
  return f(refined) >= bestValue ? refined : best
}
