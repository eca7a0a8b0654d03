/** Options for {@link minimize}. */
export interface MinimizeOptions {
  /**
   * Stop when the largest gradient component is below this.
   * @default 1e-6
   */
  gradientTolerance?: number
  /**
   * Stop when an iteration improves the objective by less than this (relative to |f| + 1e-10).
   * @default 1e-13
   */
  functionTolerance?: number
  /**
   * Iteration cap.
   * @default 500
   */
  maxIterations?: number
}

/** Result of {@link minimize}. */
export interface MinimizeResult {
  /** The best point found. */
  x: number[]
  /** The objective at `x`. */
  value: number
  /** Iterations taken. */
  iterations: number
  /** Whether a tolerance was met (false when the iteration cap or a failed line search stopped it). */
  converged: boolean
}

/** Central-difference gradient with a step scaled to each coordinate. */
export function numericGradient(f: (x: number[]) => number, x: number[]): number[] {
  return x.map((xi, i) => {
    const h = 1e-5 * Math.max(1, Math.abs(xi))
    const up = x.slice()
    const down = x.slice()
    up[i] = xi + h
    down[i] = xi - h
    return (f(up) - f(down)) / (2 * h)
  })
}

const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * (v[i] ?? 0), 0)

/**
 * Unconstrained minimisation by BFGS with central-difference gradients and a backtracking
 * (Armijo) line search. Meant for smooth objectives in a handful of dimensions, such as
 * likelihoods over log-parameters; a non-finite objective value counts as "too far" in the line
 * search, so the objective may return +∞ or NaN outside its domain.
 *
 * @example
 * minimize(([x = 0, y = 0]) => (x - 1) ** 2 + 10 * (y + 2) ** 2, [0, 0]).x // ≈ [1, −2]
 */
export function minimize(f: (x: number[]) => number, start: number[], options: MinimizeOptions = {}): MinimizeResult {
  const gradientTolerance = options.gradientTolerance ?? 1e-6
  const functionTolerance = options.functionTolerance ?? 1e-13
  const maxIterations = options.maxIterations ?? 500
  const n = start.length
  let x = start.slice()
  let value = f(x)
  if (!Number.isFinite(value)) throw new RangeError('minimize: the objective is not finite at the start point')
  let gradient = numericGradient(f, x)
  // Inverse Hessian approximation, starting from the identity.
  let h: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (Math.max(...gradient.map(Math.abs)) < gradientTolerance) return { x, value, iterations: iteration - 1, converged: true }
    let direction = h.map((row) => -dot(row, gradient))
    let slope = dot(direction, gradient)
    if (slope >= 0) {
      // Not a descent direction (the approximation went bad): restart from steepest descent.
      h = h.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)))
      direction = gradient.map((g) => -g)
      slope = dot(direction, gradient)
    }
    let step = 1
    let next = x
    let nextValue = Number.POSITIVE_INFINITY
    for (let tries = 0; tries < 60; tries++) {
      next = x.map((xi, i) => xi + step * (direction[i] ?? 0))
      nextValue = f(next)
      if (Number.isFinite(nextValue) && nextValue <= value + 1e-4 * step * slope) break
      step /= 2
    }
    if (!(nextValue < value)) return { x, value, iterations: iteration, converged: Math.max(...gradient.map(Math.abs)) < 1e-3 }
    const nextGradient = numericGradient(f, next)
    const s = next.map((v, i) => v - (x[i] ?? 0))
    const y = nextGradient.map((g, i) => g - (gradient[i] ?? 0))
    const improvement = value - nextValue
    x = next
    value = nextValue
    gradient = nextGradient
    if (improvement <= functionTolerance * (Math.abs(value) + 1e-10)) return { x, value, iterations: iteration, converged: true }
    const sy = dot(s, y)
    // Skip the update when curvature is not positive, so h stays positive definite.
    if (sy > 1e-12) {
      const hy = h.map((row) => dot(row, y))
      const yhy = dot(y, hy)
      h = h.map((row, i) =>
        row.map((hij, j) => {
          const si = s[i] ?? 0
          const sj = s[j] ?? 0
          return hij + ((sy + yhy) * si * sj) / (sy * sy) - ((hy[i] ?? 0) * sj + si * (hy[j] ?? 0)) / sy
        }),
      )
    }
  }
  return { x, value, iterations: maxIterations, converged: false }
}
