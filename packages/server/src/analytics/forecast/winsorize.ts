import { median, robustSigma } from '../stats/index.js'

/** Open days on each side of a day that make up its local level. */
const HALF_WINDOW = 14

/**
 * Caps unusually high values of a history (a few huge orders) before models are fitted: each open
 * value above `local median × (1 + k · σ)` is lowered to that bound, where the local median is
 * taken over the open days within {@link HALF_WINDOW} open days on either side (fewer at the ends)
 * and σ is the robust spread (1.4826 × MAD) of every open day's relative deviation from its local
 * median (so a growing series is judged on its own scale).
 * Only the upper side is capped: low days are mostly the weekly pattern (quiet Sundays), which
 * the seasonal models need to see. Closed days are left as they are. `k ≤ 0` turns it off.
 *
 * @param closed flags indexed like `y` (true = a closure, not an observation)
 * @returns the capped values and how many were capped
 */
export function winsorizeHighs(y: readonly number[], closed: readonly boolean[], k: number): { values: number[]; capped: number } {
  const values = [...y]
  if (!(k > 0)) return { values, capped: 0 }
  const open: number[] = []
  for (let t = 0; t < y.length; t++) if (!closed[t] && Number.isFinite(y[t] ?? Number.NaN)) open.push(t)
  if (open.length < 2 * HALF_WINDOW + 1) return { values, capped: 0 }
  const local = open.map((_, i) => {
    const from = Math.max(0, i - HALF_WINDOW)
    const to = Math.min(open.length, i + HALF_WINDOW + 1)
    return median(open.slice(from, to).map((t) => y[t] ?? 0))
  })
  // Deviations relative to the local level, so a growing series is judged by its own scale.
  const relative = open.flatMap((t, i) => ((local[i] ?? 0) > 0 ? [(y[t] ?? 0) / (local[i] ?? 1) - 1] : []))
  const sigma = relative.length >= 2 ? robustSigma(relative) : Number.NaN
  if (!(sigma > 0)) return { values, capped: 0 }
  let capped = 0
  open.forEach((t, i) => {
    const level = local[i] ?? 0
    if (!(level > 0)) return
    const bound = level * (1 + k * sigma)
    if ((y[t] ?? 0) > bound) {
      values[t] = bound
      capped++
    }
  })
  return { values, capped }
}
