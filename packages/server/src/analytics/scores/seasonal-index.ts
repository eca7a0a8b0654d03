/** A window of whole days, both ends included. */
export interface DayWindow {
  first: number
  last: number
}

/** Options for {@link seasonalIndex}. */
export interface SeasonalIndexOptions {
  /** Days of last year's season that are in the data (e.g. the same calendar days as the forecast period). */
  season: DayWindow
  /** Days of the recent, non-seasonal baseline (e.g. the months just before the cut-off). */
  baseline: DayWindow
}

/** The windows' rates and their ratio. */
export interface SeasonalIndex {
  /** Transactions per calendar day in the season window. */
  seasonRate: number
  /** Transactions per calendar day in the baseline window. */
  baselineRate: number
  /** seasonRate / baselineRate. */
  index: number
}

function rate(dailyTransactions: ReadonlyMap<number, number>, window: DayWindow): number {
  let total = 0
  for (let day = window.first; day <= window.last; day++) total += dailyTransactions.get(day) ?? 0
  return total / (window.last - window.first + 1)
}

/**
 * A seasonal index for a period the BG/NBD model, which has no seasonality, is asked to forecast:
 * the rate of transactions (per calendar day, closed days included) in last year's same season,
 * divided by the rate in a recent baseline window. Only data from before the forecast cut-off is
 * used. Apply it as a time change (see {@link seasonalHorizon}): a customer buying at s × the usual
 * rate for a while has the model's prediction for s × that time, which keeps dropout tied to
 * transactions as BG/NBD has it.
 *
 * Known weakness: total transactions also grow or shrink with the customer base, so the index
 * mixes seasonality with the change in the number of customers between the two windows.
 *
 * @example
 * seasonalIndex(daily, { season: { first: dec1, last: dec9 }, baseline: { first: jun1, last: aug31 } }).index
 */
export function seasonalIndex(dailyTransactions: ReadonlyMap<number, number>, options: SeasonalIndexOptions): SeasonalIndex {
  const seasonRate = rate(dailyTransactions, options.season)
  const baselineRate = rate(dailyTransactions, options.baseline)
  return { seasonRate, baselineRate, index: seasonRate / baselineRate }
}

/**
 * The "operational" length of a forecast period of `horizon` time units during which the purchase
 * rate, relative to the usual rate, rises linearly from 1 at the start to `index` at `peakAt` and
 * stays at `index` after it: ∫₀^horizon (1 + (index − 1) · min(u / peakAt, 1)) du. Pass the result
 * as the horizon of the BG/NBD expectation. With `peakAt` = 0 the whole period runs at `index`.
 *
 * Why a ramp: when last year's season is only known near its peak (the online-retail data starts on
 * 1 December), applying that rate to the whole forecast period assumes the peak lasts all autumn;
 * rising from the rate at the cut-off to the known rate by the date it was observed is the least
 * assumption that joins the two known points.
 *
 * @example
 * seasonalHorizon(100, 1.8, 96) // 96 · (1 + 1.8) / 2 + 4 · 1.8 = 141.6
 */
export function seasonalHorizon(horizon: number, index: number, peakAt: number = horizon): number {
  if (horizon <= 0) return 0
  if (peakAt <= 0) return index * horizon
  const ramp = Math.min(horizon, peakAt)
  const rampPart = ramp + ((index - 1) * ramp * ramp) / (2 * peakAt)
  return rampPart + Math.max(0, horizon - peakAt) * index
}
