/** Backtest errors of one origin: `errors[s]` is the (scaled) error of step s + 1, undefined when unknown. */
export interface OriginErrors {
  /** Index of the first forecast point. */
  origin: number
  errors: readonly (number | undefined)[]
}

/** Fewest recent errors for a ratio; with fewer the ratio is 1 (no adaptation). */
export const MIN_RECENT_ERRORS = 10

/** Mean absolute value (NaN when empty). */
function meanAbsolute(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  let sum = 0
  for (const v of values) sum += Math.abs(v)
  return sum / values.length
}

/**
 * How large the recent backtest errors are compared to all of them: the mean absolute error over
 * the errors whose actual fell in the `window` points before `at` (time `origin + s` in
 * `[at − window, at)`), divided by the mean absolute error of `pool` (the errors the interval
 * quantiles are taken from). Multiplying an interval's scale by this ratio lets intervals built
 * from a long calibration history follow a change in the series' noise (narrower in a quiet
 * spell, wider in a turbulent one) while their shape still comes from many errors. Only errors
 * known at `at` are used. Returns 1 with fewer than {@link MIN_RECENT_ERRORS} recent errors or
 * no spread in the pool.
 *
 * @example
 * // pool errors average 2 in size; the last 3 points' errors average 1 → ratio 0.5
 * recentSpreadRatio([{ origin: 0, errors: [2, -2, 2, -2] }, { origin: 4, errors: [1, -1, 1] }], 7, 3, [2, -2, 2, -2], 1)
 */
export function recentSpreadRatio(
  runs: readonly OriginErrors[],
  at: number,
  window: number,
  pool: readonly number[],
  minRecent = MIN_RECENT_ERRORS,
): number {
  const recent: number[] = []
  for (const { origin, errors } of runs) {
    errors.forEach((e, s) => {
      const time = origin + s
      if (e !== undefined && time < at && time >= at - window) recent.push(e)
    })
  }
  const overall = meanAbsolute(pool)
  if (recent.length < minRecent || !(overall > 0)) return 1
  return meanAbsolute(recent) / overall
}
