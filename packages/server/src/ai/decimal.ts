import { formatMinorUnits } from '@rapport/shared'

function toMinor(amount: string, exponent: number): bigint {
  const negative = amount.startsWith('-')
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.')
  const minor = BigInt(whole + fraction.padEnd(exponent, '0').slice(0, exponent))
  return negative ? -minor : minor
}

/** Exact `a − b` of two decimal money strings with `exponent` decimals. */
export function subtractMoney(a: string, b: string, exponent: number): string {
  return formatMinorUnits(toMinor(a, exponent) - toMinor(b, exponent), exponent)
}

/** Exact sum of decimal money strings. */
export function sumMoney(amounts: readonly string[], exponent: number): string {
  return formatMinorUnits(
    amounts.reduce((sum, amount) => sum + toMinor(amount, exponent), 0n),
    exponent,
  )
}
