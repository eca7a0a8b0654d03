/** Options for {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Lower bound of each coordinate; vertices are projected onto the box. */
  lower: readonly number[]
  /** Upper bound of each coordinate. */
  upper: readonly number[]
  /**
   * Maximum number of objective evaluations.
   * @default 200 × dimension
   */
  maxEvaluations?: number
  /**
   * Stop when the objective values of the simplex differ by less than this (absolute, plus the
   * same relative to the best value).
   * @default 1e-10
   */
  tolerance?: number
  /**
   * Initial step of each coordinate, as a fraction of its bound width.
   * @default 0.1
   */
  initialStep?: number
}

/** Result of {@link nelderMead}. */
export interface NelderMeadResult {
  /** Best point found (inside the bounds). */
  x: number[]
  /** Objective at `x`. */
  value: number
  /** Number of objective evaluations used. */
  evaluations: number
}

function project(x: readonly number[], lower: readonly number[], upper: readonly number[]): number[] {
  return x.map((v, i) => Math.min(upper[i] ?? v, Math.max(lower[i] ?? v, v)))
}

function combine(a: readonly number[], b: readonly number[], t: number): number[] {
  // a + t (b − a)
  return a.map((v, i) => v + t * ((b[i] ?? v) - v))
}

/**
 * Minimises `f` over a box with the Nelder–Mead simplex method (standard coefficients:
 * reflection 1, expansion 2, contraction ½, shrink ½). Bounds are enforced by projecting every
 * trial point onto the box, which keeps the method derivative-free and simple; a non-finite
 * objective is treated as +∞.
 *
 * @example
 * const { x } = nelderMead(([a = 0, b = 0]) => (a - 1) ** 2 + (b + 2) ** 2, [0, 0], { lower: [-5, -5], upper: [5, 5] })
 * // x ≈ [1, -2]
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions,
): NelderMeadResult {
  const { lower, upper } = options
  const dim = start.length
  const maxEvaluations = options.maxEvaluations ?? 200 * dim
  const tolerance = options.tolerance ?? 1e-10
  const step = options.initialStep ?? 0.1
  let evaluations = 0
  const evaluate = (x: number[]): number => {
    evaluations++
    const value = f(x)
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY
  }

  const x0 = project(start, lower, upper)
  const simplex: { x: number[]; value: number }[] = [{ x: x0, value: evaluate(x0) }]
  for (let i = 0; i < dim; i++) {
    const x = x0.slice()
    const width = (upper[i] ?? 1) - (lower[i] ?? 0)
    const delta = step * (Number.isFinite(width) && width > 0 ? width : Math.max(1, Math.abs(x[i] ?? 0)))
    // Step towards the side of the box with more room so the vertex is not projected back onto x0.
    x[i] = (x[i] ?? 0) + ((x[i] ?? 0) + delta <= (upper[i] ?? Number.POSITIVE_INFINITY) ? delta : -delta)
    const px = project(x, lower, upper)
    simplex.push({ x: px, value: evaluate(px) })
  }

  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value)
    const best = simplex[0]
    const worst = simplex[dim]
    const secondWorst = simplex[dim - 1] ?? best
    if (!best || !worst || !secondWorst) break
    if (Math.abs(worst.value - best.value) <= tolerance * (1 + Math.abs(best.value))) break

    const centroid = new Array<number>(dim).fill(0)
    for (let v = 0; v < dim; v++) {
      const vertex = simplex[v]
      if (!vertex) continue
      for (let i = 0; i < dim; i++) centroid[i] = (centroid[i] ?? 0) + (vertex.x[i] ?? 0) / dim
    }
    const reflected = project(combine(centroid, worst.x, -1), lower, upper)
    const fr = evaluate(reflected)
    if (fr < best.value) {
      const expanded = project(combine(centroid, worst.x, -2), lower, upper)
      const fe = evaluate(expanded)
      simplex[dim] = fe < fr ? { x: expanded, value: fe } : { x: reflected, value: fr }
      continue
    }
    if (fr < secondWorst.value) {
      simplex[dim] = { x: reflected, value: fr }
      continue
    }
    // Contract: outside if the reflection improved on the worst point, else inside.
    const outside = fr < worst.value
    const contracted = project(combine(centroid, outside ? reflected : worst.x, 0.5), lower, upper)
    const fc = evaluate(contracted)
    if (fc < (outside ? fr : worst.value)) {
      simplex[dim] = { x: contracted, value: fc }
      continue
    }
    for (let v = 1; v <= dim; v++) {
      const vertex = simplex[v]
      if (!vertex) continue
      const x = combine(best.x, vertex.x, 0.5)
      simplex[v] = { x, value: evaluate(x) }
    }
  }
  simplex.sort((a, b) => a.value - b.value)
  const best = simplex[0] ?? { x: x0, value: Number.POSITIVE_INFINITY }
  return { x: best.x, value: best.value, evaluations }
}
