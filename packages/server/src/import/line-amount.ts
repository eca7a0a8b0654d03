import { LIMITS, parseScaledDecimal } from '@rapport/shared'

/**
 * The rule that turns order lines into an order total, exactly:
 *
 * 1. each unit price is read as an integer number of ten-thousandths of a
 *    major unit (`"2.55"` → 25,500; at most 4 decimals, as the contract allows);
 * 2. the lines are summed as `quantity × price` with BigInt, still in 1e-4 units;
 * 3. the sum is rounded once, half up, to the currency's minor unit
 *    (for GBP, 2 decimals: 1,234,550 → 12,346 pence, i.e. "123.46").
 *
 * Rounding the sum rather than each line keeps the total as close to the
 * lines as possible; the online-retail golden test recomputes totals the same way.
 */
export const PRICE_SCALE = LIMITS.unitPriceDecimals

/** A unit price as ten-thousandths; null when it is not a non-negative decimal with at most 4 decimals. */
export function unitPriceE4(text: string): bigint | null {
  const parsed = parseScaledDecimal(text, PRICE_SCALE)
  return parsed.ok ? parsed.value : null
}

/** `sum` (in ten-thousandths) rounded half up to a currency with `exponent` decimals, in minor units. */
export function roundE4ToMinor(sum: bigint, exponent: number): bigint {
  if (exponent >= PRICE_SCALE) return sum * 10n ** BigInt(exponent - PRICE_SCALE)
  const divisor = 10n ** BigInt(PRICE_SCALE - exponent)
  // Sums are of non-negative lines, so half up is (sum + divisor / 2) / divisor.
  return (sum + divisor / 2n) / divisor
}

/** Minor units as a decimal string in major units: 12,346 with 2 decimals → "123.46". */
export function minorToDecimal(minor: bigint, exponent: number): string {
  const digits = minor.toString().padStart(exponent + 1, '0')
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

/** The order total of lines `(quantity, unit price in 1e-4)` as a decimal string for the currency. */
export function orderTotal(lines: Iterable<{ quantity: number; priceE4: bigint }>, exponent: number): string {
  let sum = 0n
  for (const line of lines) sum += BigInt(line.quantity) * line.priceE4
  return minorToDecimal(roundE4ToMinor(sum, exponent), exponent)
}
