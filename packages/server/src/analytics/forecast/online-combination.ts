/** Every candidate's backtest forecasts at the same origins, for {@link onlineCombination}. */
export interface CandidateForecasts {
  /** Origins in increasing order; `forecasts[c][i]` is candidate c's forecast from `origins[i]`. */
  origins: readonly number[]
  forecasts: readonly (readonly (readonly number[])[])[]
  /** `closed[i][s]`: step s + 1 from origin i is a known closure (not scored). */
  closed: readonly (readonly boolean[])[]
  /** MASE denominator of each origin's history. */
  scales: readonly number[]
}

/**
 * The forecasts the "mean of the best `k` candidates" rule would have made at each backtest origin
 * using only what was known there: at origin i the candidates are ranked by their scaled absolute
 * error over the forecast points already observed (time `origin + s < origins[i]`), and the best
 * `k` are averaged (every candidate when nothing has been observed yet; ties keep the given order).
 * Errors of these forecasts are out of sample for the choice too, so intervals calibrated on them
 * do not inherit the optimism of picking the models that happened to fit the backtest best.
 *
 * With `groups` (a group label per candidate) the rule is instead "the best candidate of each
 * group", the same ranking applied within each group.
 *
 * @param series the actual values, indexed like the origins
 * @returns one forecast per origin
 */
export function onlineCombination(series: readonly number[], candidates: CandidateForecasts, k: number, groups?: readonly string[]): number[][] {
  const { origins, forecasts, closed, scales } = candidates
  const count = forecasts.length
  return origins.map((at, i) => {
    const errorSums = new Array<number>(count).fill(0)
    let observed = 0
    for (let j = 0; j < i; j++) {
      const origin = origins[j] ?? 0
      const scale = scales[j] ?? Number.NaN
      if (!(scale > 0)) continue
      for (let s = 0; origin + s < at; s++) {
        const actual = series[origin + s]
        if (actual === undefined || closed[j]?.[s] || forecasts[0]?.[j]?.[s] === undefined) continue
        observed++
        for (let c = 0; c < count; c++) errorSums[c] = (errorSums[c] ?? 0) + Math.abs(actual - (forecasts[c]?.[j]?.[s] ?? 0)) / scale
      }
    }
    const order = Array.from({ length: count }, (_, c) => c)
    if (observed > 0) order.sort((a, b) => (errorSums[a] ?? 0) - (errorSums[b] ?? 0) || a - b)
    let chosen = observed > 0 ? order.slice(0, Math.max(1, Math.min(k, count))) : order
    if (groups && observed > 0) chosen = order.filter((c, i) => order.findIndex((d) => groups[d] === groups[c]) === i)
    const steps = forecasts[0]?.[i]?.length ?? 0
    return Array.from({ length: steps }, (_, s) => chosen.reduce((sum, c) => sum + (forecasts[c]?.[i]?.[s] ?? 0), 0) / chosen.length)
  })
}
