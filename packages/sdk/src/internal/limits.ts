/**
 * The server's bounds (`LIMITS` of @rapport/shared), restated so that the
 * browser bundle does not pull in zod. `limits.test.ts` keeps them equal.
 */
export const LIMITS = {
  batchEvents: 500,
  batchBytes: 512 * 1024,
  idLength: 256,
  traitKeys: 100,
  keyLength: 128,
  stringValueLength: 2048,
  objectBytes: 16 * 1024,
  propertiesDepth: 5,
  purchaseItems: 500,
  unitPriceDecimals: 4,
} as const

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
