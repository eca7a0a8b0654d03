import { isObserved, type ModelFit, type ModelInput } from './model-input.js'

/** Share of a phase's history that must be closed for the phase to count as a weekly closure. */
const REGULAR_SHARE = 0.9
/** On open phases, zeros are read as closures only when rarer than this (a shop that sells daily). */
const RARE_ZERO_SHARE = 0.05

/**
 * Infers which days of a history are closures, from the values alone: a phase of the season
 * (e.g. Saturday) where at least 90% of the values are exactly 0 over at least two seasons is a
 * weekly closure, also for the `horizon` days ahead; on the other phases, a 0 is read as a one-off
 * closure (a holiday) when zeros are rare there (< 5% of those days). Sparse series, where
 * zero days are ordinary, get no one-off closures. Returns `y.length + horizon` flags.
 */
export function inferClosedDays(y: readonly number[], period: number, horizon: number): boolean[] {
  const n = y.length
  const closed = new Array<boolean>(n + horizon).fill(false)
  if (period < 2 || n < 2 * period) return closed
  const regular = new Set<number>()
  for (let p = 0; p < period; p++) {
    let zeros = 0
    let count = 0
    for (let t = p; t < n; t += period) {
      count++
      if (y[t] === 0) zeros++
    }
    if (zeros >= REGULAR_SHARE * count) regular.add(p)
  }
  let openZeros = 0
  let openDays = 0
  for (let t = 0; t < n; t++) {
    if (regular.has(t % period)) continue
    openDays++
    if (y[t] === 0) openZeros++
  }
  const oneOffs = openDays > 0 && openZeros < RARE_ZERO_SHARE * openDays
  for (let t = 0; t < n + horizon; t++) {
    closed[t] = regular.has(t % period) || (oneOffs && t < n && y[t] === 0)
  }
  return closed
}

/**
 * Phases closed on every day of the horizon and on at least 90% of the history: these are taken
 * out of the series before fitting, so the season becomes the open days only (6 for a shop closed
 * on Saturdays).
 */
export function regularClosedPhases(closed: readonly boolean[], n: number, horizon: number, period: number): Set<number> {
  const phases = new Set<number>()
  if (period < 2) return phases
  for (let p = 0; p < period; p++) {
    let count = 0
    let shut = 0
    let futureOpen = false
    for (let t = p; t < n + horizon; t += period) {
      if (t >= n) {
        if (!closed[t]) futureOpen = true
        continue
      }
      count++
      if (closed[t]) shut++
    }
    if (!futureOpen && count > 0 && shut >= REGULAR_SHARE * count) phases.add(p)
  }
  if (phases.size >= period - 1) phases.clear() // nothing seasonal would be left
  return phases
}

/**
 * Fits a model on the open days only. Regularly closed phases are removed (the season shrinks to
 * the open days, keeping the weekday order), other closed days in the history become missing
 * values (so they neither pull the level down nor distort the seasonal profile), and every closed
 * day ahead is forecast as exactly 0.
 *
 * @param closed `input.y.length + input.horizon` flags, true for a known closure
 */
export function fitOnOpenDays(input: ModelInput, closed: readonly boolean[], fit: (open: ModelInput) => ModelFit): ModelFit {
  const n = input.y.length
  const { horizon, period } = input
  const regular = regularClosedPhases(closed, n, horizon, period)
  if (regular.size === 0 && !closed.some(Boolean)) return fit(input)
  const y: number[] = []
  const observed: boolean[] = []
  for (let t = 0; t < n; t++) {
    if (regular.has(t % period)) continue
    y.push(input.y[t] ?? 0)
    observed.push(isObserved(input, t) && !closed[t])
  }
  const aheadKept: number[] = []
  for (let t = n; t < n + horizon; t++) if (!regular.has(t % period)) aheadKept.push(t)
  const result = fit({ y, observed, period: period - regular.size, horizon: aheadKept.length })
  const forecast = new Array<number>(horizon).fill(0)
  aheadKept.forEach((t, k) => {
    forecast[t - n] = closed[t] ? 0 : (result.forecast[k] ?? 0)
  })
  const notes = regular.size === 0 ? result.notes : [...result.notes, `fitted on open days only (season of ${period - regular.size}); closed days forecast as 0`]
  return { ...result, forecast, notes }
}
