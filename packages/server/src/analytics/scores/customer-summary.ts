/**
 * What the BG/NBD and Gamma–Gamma models need to know about one customer over a calibration
 * period, in one time unit (days or weeks).
 */
export interface CustomerSummary {
  /** x: number of repeat transactions (transactions after the first). */
  frequency: number
  /** tₓ: time from the first transaction to the last one (0 when there are no repeats). */
  recency: number
  /** T: time from the first transaction to the end of the calibration period. */
  age: number
  /** Mean value of the repeat transactions (0 when there are none); the first one is left out, as in the Gamma–Gamma model. */
  monetary: number
}

/** One purchase: a customer, a day number (e.g. days since 1970-01-01) and its value. */
export interface DatedPurchase {
  customerId: string
  /** Whole day number; purchases on the same day are one transaction. */
  day: number
  /** Value of the purchase (summed per day). @default 0 */
  value?: number
}

/** Options for {@link summarizeCustomers}. */
export interface SummaryOptions {
  /**
   * Last day of the calibration period (inclusive): later purchases are ignored and T is measured
   * to this day, as in the CDNOW summary of Fader, Hardie & Lee.
   */
  lastDay: number
  /**
   * Days per time unit of the summary: 1 for days, 7 for weeks.
   * @default 1
   */
  unitDays?: number
}

/**
 * Builds the calibration summary of each customer from dated purchases: one transaction per
 * customer and day, frequency = transactions after the first, recency and age measured from the
 * first transaction (to the last one and to `lastDay`), in units of `unitDays` days.
 *
 * @example
 * summarizeCustomers([{ customerId: 'a', day: 0 }, { customerId: 'a', day: 14 }], { lastDay: 28, unitDays: 7 })
 * // Map { 'a' => { frequency: 1, recency: 2, age: 4, monetary: 0 } }
 */
export function summarizeCustomers(purchases: Iterable<DatedPurchase>, options: SummaryOptions): Map<string, CustomerSummary> {
  const unitDays = options.unitDays ?? 1
  const days = new Map<string, Map<number, number>>()
  for (const purchase of purchases) {
    if (purchase.day > options.lastDay) continue
    let byDay = days.get(purchase.customerId)
    if (!byDay) {
      byDay = new Map()
      days.set(purchase.customerId, byDay)
    }
    byDay.set(purchase.day, (byDay.get(purchase.day) ?? 0) + (purchase.value ?? 0))
  }
  const summaries = new Map<string, CustomerSummary>()
  for (const [customerId, byDay] of days) {
    const ordered = [...byDay.keys()].sort((p, q) => p - q)
    const first = ordered[0] ?? 0
    const last = ordered[ordered.length - 1] ?? first
    let repeatValue = 0
    for (const day of ordered.slice(1)) repeatValue += byDay.get(day) ?? 0
    const frequency = ordered.length - 1
    summaries.set(customerId, {
      frequency,
      recency: (last - first) / unitDays,
      age: (options.lastDay - first) / unitDays,
      monetary: frequency > 0 ? repeatValue / frequency : 0,
    })
  }
  return summaries
}
