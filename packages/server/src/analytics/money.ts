/** Integer division rounded half away from zero (money is never divided in floating point). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) return 0n
  const negative = numerator < 0n !== denominator < 0n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const quotient = (2n * n + d) / (2n * d)
  return negative ? -quotient : quotient
}

/** Ten-thousandths of a major unit → minor units of a currency with `exponent` decimals. */
export function e4ToMinor(valueE4: bigint, exponent: number): bigint {
  if (exponent >= 4) return valueE4 * 10n ** BigInt(exponent - 4)
  return divRound(valueE4, 10n ** BigInt(4 - exponent))
}

/** A database numeric/bigint aggregate (string, number or bigint depending on the driver) as a bigint. */
export function toBigInt(value: string | number | bigint | null | undefined): bigint {
  if (value === null || value === undefined) return 0n
  if (typeof value === 'bigint') return value
  if (typeof value === 'number') return BigInt(Math.trunc(value))
  const dot = value.indexOf('.')
  return BigInt(dot === -1 ? value : value.slice(0, dot))
}

/** A count aggregate as a number. */
export function toCount(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0
  return Number(value)
}
