import { normalQuantile, robustSigma } from '../stats/index.js'

/** Lower and upper bounds of the 80% and 95% intervals around one point forecast. */
export interface IntervalBounds {
  lower80: number
  upper80: number
  lower95: number
  upper95: number
}

/** Sample quantile with linear interpolation between order statistics (type 7); NaN when empty. */
export function quantile(sorted: readonly number[], p: number): number {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const position = (n - 1) * p
  const below = Math.floor(position)
  const low = sorted[below] ?? Number.NaN
  const high = sorted[Math.min(n - 1, below + 1)] ?? low
  return low + (position - below) * (high - low)
}

/** Fewest errors per horizon step for step-wise quantiles; below it the steps are pooled. */
export const MIN_ERRORS_PER_STEP = 20

/**
 * Conformal-style intervals from backtest errors (actual − forecast): the 10/90% and 2.5/97.5%
 * empirical quantiles of the errors at each horizon step, added to the point forecast. Errors are
 * expressed relative to the series level at their origin and multiplied back by `level`, so a
 * series that grows keeps calibrated intervals. When a step has fewer than
 * {@link MIN_ERRORS_PER_STEP} errors the steps are pooled, each error divided by √step and the
 * quantiles multiplied back by √step (a random-walk-like widening).
 *
 * @param errorsByStep relative errors, `errorsByStep[s]` for step s + 1
 * @param level the scale the errors are relative to: one for every step, or one per step
 */
export function empiricalIntervals(
  forecast: readonly number[],
  errorsByStep: readonly (readonly number[])[],
  level: number | readonly number[],
): IntervalBounds[] {
  const pooled: number[] = []
  errorsByStep.forEach((errors, s) => {
    for (const e of errors) pooled.push(e / Math.sqrt(s + 1))
  })
  pooled.sort((a, b) => a - b)
  return forecast.map((value, s) => {
    const own = errorsByStep[s] ?? []
    const usePool = own.length < MIN_ERRORS_PER_STEP
    const sorted = usePool ? pooled : [...own].sort((a, b) => a - b)
    const factor = (usePool ? Math.sqrt(s + 1) : 1) * (typeof level === 'number' ? level : (level[s] ?? Number.NaN))
    return {
      lower80: value + factor * quantile(sorted, 0.1),
      upper80: value + factor * quantile(sorted, 0.9),
      lower95: value + factor * quantile(sorted, 0.025),
      upper95: value + factor * quantile(sorted, 0.975),
    }
  })
}

/**
 * Normal intervals from in-sample one-step residuals, widened by √h: used when the history is too
 * short for a backtest. The spread is the robust σ (1.4826 × MAD) so a few huge orders do not
 * blow it up.
 */
export function residualIntervals(forecast: readonly number[], residuals: readonly number[]): IntervalBounds[] {
  const sigma = residuals.length >= 2 ? robustSigma(residuals) : Number.NaN
  const z80 = normalQuantile(0.9)
  const z95 = normalQuantile(0.975)
  return forecast.map((value, s) => {
    const spread = Number.isFinite(sigma) ? sigma * Math.sqrt(s + 1) : Number.NaN
    return { lower80: value - z80 * spread, upper80: value + z80 * spread, lower95: value - z95 * spread, upper95: value + z95 * spread }
  })
}
