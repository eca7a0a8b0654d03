// Coefficients of W. J. Cody's rational Chebyshev approximations for the normal
// distribution ("Rational Chebyshev approximations for the error function",
// Math. Comp. 1969; revised in ACM TOMS Algorithm 715, 1993) — the same ones R's
// pnorm uses. Accurate to about 1e-15 relative across the whole range, tails included.
const A = [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745] as const
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673] as const
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
] as const
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
] as const
const P = [0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934, 0.000029112874951168793, 0.023073441764940174] as const
const Q = [1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 0.00007297515550839662] as const

const INV_SQRT_2PI = 0.3989422804014327
const SQRT_2PI = 2.5066282746310007
const SQRT_32 = 5.656854249492381

/**
 * exp(−y²/2) computed as exp(−a²/2)·exp(−(y−a)(y+a)/2) with a = y rounded down to 1/16,
 * so the large exponent is exact and cancellation does not cost relative accuracy in the tails.
 */
function gaussianKernel(y: number): number {
  const a = Math.trunc(y * 16) / 16
  const del = (y - a) * (y + a)
  return Math.exp(-a * a * 0.5) * Math.exp(-del * 0.5)
}

/** Lower tail Φ(−y) for y ≥ 0.67448975 (where the central approximation stops). */
function lowerTailOfAbs(y: number): number {
  if (y <= SQRT_32) {
    let num = C[8] * y
    let den = y
    for (let i = 0; i < 7; i++) {
      num = (num + (C[i] ?? 0)) * y
      den = (den + (D[i] ?? 0)) * y
    }
    return (gaussianKernel(y) * (num + C[7])) / (den + D[7])
  }
  const inv = 1 / (y * y)
  let num = P[5] * inv
  let den = inv
  for (let i = 0; i < 4; i++) {
    num = (num + (P[i] ?? 0)) * inv
    den = (den + (Q[i] ?? 0)) * inv
  }
  const ratio = (inv * (num + P[4])) / (den + Q[4])
  return (gaussianKernel(y) * (INV_SQRT_2PI - ratio)) / y
}

/**
 * Standard normal cumulative distribution function Φ(x) = P(Z ≤ x).
 * Relative error about 1e-15, including far into the lower tail (Φ(−37) ≈ 5.7e−300),
 * so small p-values should be computed as normalCdf(−|z|) rather than 1 − normalCdf(|z|).
 * Returns NaN for NaN, 0 for −∞ and 1 for +∞.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN
  const y = Math.abs(x)
  if (y <= 0.67448975) {
    const xsq = x * x
    let num = A[4] * xsq
    let den = xsq
    for (let i = 0; i < 3; i++) {
      num = (num + (A[i] ?? 0)) * xsq
      den = (den + (B[i] ?? 0)) * xsq
    }
    return 0.5 + (x * (num + A[3])) / (den + B[3])
  }
  if (y === Number.POSITIVE_INFINITY) return x > 0 ? 1 : 0
  const lower = lowerTailOfAbs(y)
  return x < 0 ? lower : 1 - lower
}

// Peter J. Acklam's rational approximation of the normal quantile (relative error < 1.15e-9
// before refinement).
const QA = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239] as const
const QB = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572] as const
const QC = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const
const QD = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416] as const
const P_LOW = 0.02425

/** Acklam's approximation for 0 < p ≤ 0.5 (returns x ≤ 0). */
function acklamLowerHalf(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (
      (((((QC[0] * q + QC[1]) * q + QC[2]) * q + QC[3]) * q + QC[4]) * q + QC[5]) /
      ((((QD[0] * q + QD[1]) * q + QD[2]) * q + QD[3]) * q + 1)
    )
  }
  const q = p - 0.5
  const r = q * q
  return (
    ((((((QA[0] * r + QA[1]) * r + QA[2]) * r + QA[3]) * r + QA[4]) * r + QA[5]) * q) /
    (((((QB[0] * r + QB[1]) * r + QB[2]) * r + QB[3]) * r + QB[4]) * r + 1)
  )
}

/**
 * Standard normal quantile (inverse CDF) Φ⁻¹(p): the x with P(Z ≤ x) = p.
 * Acklam's algorithm followed by one Halley refinement step against {@link normalCdf},
 * which brings the result to near machine precision.
 * Returns −∞ for p = 0, +∞ for p = 1 and NaN for p outside [0, 1] or NaN.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  // Work in the lower half, where Φ(x) keeps full relative precision; 1 − p is exact for p ≥ 0.5.
  if (p > 0.5) return -normalQuantile(1 - p)
  const x = acklamLowerHalf(p)
  const e = normalCdf(x) - p
  const u = e * SQRT_2PI * Math.exp((x * x) / 2)
  const refined = x - u / (1 + (x * u) / 2)
  return Number.isFinite(refined) ? refined : x
}
