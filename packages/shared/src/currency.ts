/**
 * ISO 4217 currencies in circulation, with their minor-unit exponent
 * (how many decimals the currency has). Codes without a minor unit in
 * ISO 4217 (precious metals, SDR, test codes) are deliberately absent:
 * they are not prices a shop charges.
 */
const EXPONENT_0 = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'
const EXPONENT_3 = 'BHD IQD JOD KWD LYD OMR TND'
const EXPONENT_4 = 'CLF UYW'
const EXPONENT_2 =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD ' +
  'LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN ' +
  'PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL ' +
  'THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL'

function table(): Record<string, number> {
  const out: Record<string, number> = {}
  const groups: Array<[string, number]> = [
    [EXPONENT_0, 0],
    [EXPONENT_2, 2],
    [EXPONENT_3, 3],
    [EXPONENT_4, 4],
  ]
  for (const [codes, exponent] of groups) {
    for (const code of codes.split(' ')) out[code] = exponent
  }
  return out
}

const EXPONENTS: Readonly<Record<string, number>> = Object.freeze(table())

/** All supported ISO 4217 currency codes, sorted. */
export const CURRENCY_CODES: readonly string[] = Object.freeze(Object.keys(EXPONENTS).sort())

/** True when `code` is a supported ISO 4217 currency code (upper case). */
export function isCurrencyCode(code: string): boolean {
  return Object.hasOwn(EXPONENTS, code)
}

/**
 * Number of decimals of an ISO 4217 currency: 2 for EUR, 0 for JPY, 3 for KWD.
 * @throws RangeError for an unknown code.
 */
export function currencyExponent(code: string): number {
  const exponent = EXPONENTS[code]
  if (exponent === undefined || !Object.hasOwn(EXPONENTS, code)) {
    throw new RangeError(`Unknown ISO 4217 currency code: ${code}`)
  }
  return exponent
}
