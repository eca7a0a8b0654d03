import { logGamma } from '../stats/index.js'

/** Relative size of the last term (and the geometric bound on the tail) at which a series stops. */
const SERIES_TOLERANCE = 1e-16
/** Enough for z = 0.9 with parameters in the thousands; the transformations keep |z| ≤ 0.9 otherwise. */
const MAX_TERMS = 200_000
/** Above this argument the series is replaced by the 1 − z transformation (A&S 15.3.6). */
const NEAR_ONE = 0.9
/**
 * When c − a − b is this close to an integer the two gamma terms of A&S 15.3.6 become huge and
 * cancel, so the series is summed directly instead (it still converges for z < 1, only slower).
 */
const INTEGER_GAP = 0.05

/** Sign of Γ(x): +1 for x > 0, alternating between the poles below 0 (0 at a pole). */
function gammaSign(x: number): number {
  if (x > 0) return 1
  if (Number.isInteger(x)) return 0
  return Math.ceil(-x) % 2 === 1 ? -1 : 1
}

/** Γ(n1)Γ(n2) / (Γ(d1)Γ(d2)) via logGamma with signs; 0 when a denominator argument is a pole. */
function gammaRatio(n1: number, n2: number, d1: number, d2: number): number {
  const s1 = gammaSign(d1)
  const s2 = gammaSign(d2)
  if (s1 === 0 || s2 === 0) return 0
  const sign = gammaSign(n1) * gammaSign(n2) * s1 * s2
  return sign * Math.exp(logGamma(n1) + logGamma(n2) - logGamma(d1) - logGamma(d2))
}

/**
 * The hypergeometric series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ summed until the next terms cannot change
 * the sum: the last term is below the tolerance relative to the sum, and so is the geometric bound
 * on the tail once the term ratio has dropped below 1.
 */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1
  let sum = 1
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1))
    term *= ratio
    sum += term
    if (term === 0) return sum
    const absRatio = Math.abs(ratio)
    if (absRatio < 1 && (Math.abs(term) * absRatio) / (1 - absRatio) <= SERIES_TOLERANCE * Math.abs(sum)) return sum
    if (!Number.isFinite(sum)) break
  }
  throw new RangeError(`hypergeometric series did not converge: 2F1(${a}, ${b}; ${c}; ${z})`)
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z ≤ 1.
 *
 * - |z| ≤ 0.9: the power series, summed until the remaining tail is below 1e-16 of the sum.
 * - z < −0.9: Pfaff's transformation ₂F₁(a, b; c; z) = (1 − z)^−a ₂F₁(a, c − b; c; z / (z − 1)).
 * - 0.9 < z < 1: the linear transformation to 1 − z (Abramowitz & Stegun 15.3.6), whose two series
 *   converge fast; when c − a − b is within 0.05 of an integer (where that formula degenerates) the
 *   direct series is summed instead.
 * - z = 1: Gauss's theorem Γ(c)Γ(c − a − b) / (Γ(c − a)Γ(c − b)) when c − a − b > 0, else +∞.
 *
 * Returns NaN when c is 0 or a negative integer (undefined) or z > 1, and throws a RangeError if a
 * series fails to converge (which the transformations are there to prevent).
 *
 * @example
 * hyp2f1(1, 1, 2, 0.5) // = −ln(1 − 0.5) / 0.5 ≈ 1.386294
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if ([a, b, c, z].some(Number.isNaN) || z > 1 || gammaSign(c) === 0) return Number.NaN
  if (z === 0 || a === 0 || b === 0) return 1
  const s = c - a - b
  if (z === 1) return s > 0 ? gammaRatio(c, s, c - a, c - b) : Number.POSITIVE_INFINITY
  if (z < -NEAR_ONE) return (1 - z) ** -a * hyp2f1(a, c - b, c, z / (z - 1))
  if (z <= NEAR_ONE || Math.abs(s - Math.round(s)) < INTEGER_GAP) return series(a, b, c, z)
  const w = 1 - z
  const first = gammaRatio(c, s, c - a, c - b) * series(a, b, 1 - s, w)
  const second = gammaRatio(c, -s, a, b) * w ** s * series(c - a, c - b, s + 1, w)
  return first + second
}
