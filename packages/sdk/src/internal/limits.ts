/** The server's bounds, from the zod-free entry of the contracts package. */
export { LIMITS } from '@rapport/shared/limits'

/** Body bytes a `keepalive` request may carry (the browser's budget for all of them together). */
export const KEEPALIVE_BYTES = 64 * 1024

// Currencies whose minor unit is not 2 decimals (ISO 4217); `limits.test.ts` checks them.
const EXPONENTS: Record<string, number> = {}
for (const [codes, exponent] of [
  ['BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF', 0],
  ['BHD IQD JOD KWD LYD OMR TND', 3],
  ['CLF UYW', 4],
] as const) {
  for (const code of codes.split(' ')) EXPONENTS[code] = exponent
}

/**
 * Decimals of a currency. Unknown codes of three capitals are treated as
 * 2-decimal here; the server, which knows the full list, refuses them.
 */
export function currencyExponent(code: string): number {
  return EXPONENTS[code] ?? 2
}
