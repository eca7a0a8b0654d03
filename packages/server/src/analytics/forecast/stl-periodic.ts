/**
 * Local linear regression (loess of degree 1) of `values` against their index, with tricube
 * weights over the `q` nearest points (a window of q points, shifted inwards at the ends, and
 * widened as loess does when q exceeds the series). Returns the smoothed value at every index.
 */
export function loess(values: readonly number[], q: number): number[] {
  const n = values.length
  const width = Math.max(2, Math.min(Math.round(q), n))
  const out: number[] = []
  for (let t = 0; t < n; t++) {
    const from = Math.min(Math.max(0, t - Math.floor(width / 2)), n - width)
    const to = from + width - 1
    // Distance to the farthest point of the window, widened by (q − n)/2 when q > n (as in stl).
    const reach = Math.max(t - from, to - t) + Math.max(0, (q - n) / 2)
    let sw = 0
    let sx = 0
    let sy = 0
    let sxx = 0
    let sxy = 0
    for (let i = from; i <= to; i++) {
      const d = reach > 0 ? Math.abs(i - t) / (reach * 1.000001) : 0
      const w = (1 - d ** 3) ** 3
      const x = i - t
      const y = values[i] ?? 0
      sw += w
      sx += w * x
      sy += w * y
      sxx += w * x * x
      sxy += w * x * y
    }
    const meanX = sx / sw
    const meanY = sy / sw
    const varX = sxx / sw - meanX * meanX
    const slope = varX > 1e-12 ? (sxy / sw - meanX * meanY) / varX : 0
    out.push(meanY - slope * meanX) // the line's value at x = 0, i.e. at t
  }
  return out
}

/** The three parts of a decomposition: values = seasonal + trend + remainder. */
export interface Decomposition {
  /** One offset per phase (t mod period), mean 0; empty without a season. */
  indices: number[]
  seasonal: number[]
  trend: number[]
  remainder: number[]
}

/** Inner iterations of {@link stlPeriodic} (stl's default without robustness weights is 2). */
const INNER_ITERATIONS = 2

/**
 * STL (Cleveland et al. 1990) with a periodic season, as `stl(x, s.window = "periodic")` is used
 * by the bagged-ETS bootstrap (Bergmeir, Hyndman & Benítez 2016), without robustness iterations:
 * alternately the seasonal offsets are the mean of the detrended values at each phase (a periodic
 * season is constant, so the cycle-subseries smoothing and low-pass steps reduce to this mean,
 * centred to 0), and the trend is a loess of degree 1 over t.window = nextodd(⌈1.5·m / (1 − 1.5 /
 * s.window)⌉) points of the deseasonalised values (s.window = 10n + 1 for "periodic"). Without a
 * season (period < 2 or fewer than two seasons) the trend is a loess over 6 points, as the
 * bootstrap does for non-seasonal series.
 */
export function stlPeriodic(values: readonly number[], period: number): Decomposition {
  const n = values.length
  if (period < 2 || n < 2 * period) {
    const trend = loess(values, Math.min(6, n))
    return { indices: [], seasonal: new Array<number>(n).fill(0), trend, remainder: values.map((v, t) => v - (trend[t] ?? 0)) }
  }
  const sWindow = 10 * n + 1
  let tWindow = Math.ceil((1.5 * period) / (1 - 1.5 / sWindow))
  if (tWindow % 2 === 0) tWindow++
  let trend = new Array<number>(n).fill(0)
  let indices = new Array<number>(period).fill(0)
  for (let iteration = 0; iteration < INNER_ITERATIONS; iteration++) {
    const sums = new Array<number>(period).fill(0)
    const counts = new Array<number>(period).fill(0)
    for (let t = 0; t < n; t++) {
      sums[t % period] = (sums[t % period] ?? 0) + (values[t] ?? 0) - (trend[t] ?? 0)
      counts[t % period] = (counts[t % period] ?? 0) + 1
    }
    const raw = sums.map((s, p) => s / Math.max(1, counts[p] ?? 1))
    const centre = raw.reduce((a, b) => a + b, 0) / period
    indices = raw.map((v) => v - centre)
    trend = loess(
      values.map((v, t) => v - (indices[t % period] ?? 0)),
      tWindow,
    )
  }
  const seasonal = values.map((_, t) => indices[t % period] ?? 0)
  return { indices, seasonal, trend, remainder: values.map((v, t) => v - (seasonal[t] ?? 0) - (trend[t] ?? 0)) }
}
