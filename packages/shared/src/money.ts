/**
 * Exact decimal <-> integer minor-unit conversion. Money never passes through
 * floating point: amounts are parsed from their decimal text.
 */

/** Largest whole part accepted for an amount: 13 digits keeps minor units far inside int64. */
export const MAX_AMOUNT_INTEGER_DIGITS = 13

const DECIMAL = /^(\d+)(?:\.(\d+))?$/

export type DecimalParse =
  | { ok: true; value: bigint }
  | { ok: false; reason: 'format' | 'too_many_decimals' | 'too_large' }

/**
 * Turns a non-negative decimal (`"49.90"`, `49.9`, `"1200"`) into an integer
 * scaled by `10^scale`: `parseScaledDecimal("49.9", 2)` is `4990n`.
 * Numbers are read through their shortest round-trip text, so `0.1 + 0.2`
 * (`0.30000000000000004`) is refused rather than silently rounded.
 */
export function parseScaledDecimal(amount: string | number, scale: number): DecimalParse {
  const text = typeof amount === 'number' ? numberToDecimalText(amount) : amount
  if (text === null) return { ok: false, reason: 'format' }
  const match = DECIMAL.exec(text)
  if (!match) return { ok: false, reason: 'format' }
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '')
  const fraction = match[2] ?? ''
  if (whole.length > MAX_AMOUNT_INTEGER_DIGITS) return { ok: false, reason: 'too_large' }
  const significantFraction = fraction.replace(/0+$/, '')
  if (significantFraction.length > scale) return { ok: false, reason: 'too_many_decimals' }
  const padded = significantFraction.padEnd(scale, '0')
  return { ok: true, value: BigInt(whole + padded) }
}

function numberToDecimalText(value: number): string | null {
  if (!Number.isFinite(value) || value < 0) return null
  const text = String(value)
  return /e/i.test(text) ? null : text
}

/**
 * Formats integer minor units as an exact decimal string in major units:
 * `formatMinorUnits(56000026n, 2)` is `"560000.26"`, `formatMinorUnits(-5n, 2)` is `"-0.05"`.
 */
export function formatMinorUnits(minor: bigint, exponent: number): string {
  const negative = minor < 0n
  const digits = (negative ? -minor : minor).toString()
  if (exponent === 0) return (negative ? '-' : '') + digits
  const padded = digits.padStart(exponent + 1, '0')
  const whole = padded.slice(0, -exponent)
  const fraction = padded.slice(-exponent)
  return `${negative ? '-' : ''}${whole}.${fraction}`
}
