import { z } from 'zod'
import { currencyExponent, isCurrencyCode } from '../currency.js'
import { parseScaledDecimal } from '../money.js'

/** A non-negative decimal in major units, as a string (`"49.90"`) or a JSON number (`49.9`). */
export const decimal = z.union([z.string(), z.number()])

export const decimalFormatMessage = 'Must be a non-negative decimal such as "49.90"'

/** Checks `amount` against the currency's decimals: 49.999 EUR or 10.5 JPY are refused. */
export function checkAmount(event: { amount: string | number; currency: string }, ctx: z.RefinementCtx): void {
  if (!isCurrencyCode(event.currency)) return
  const exponent = currencyExponent(event.currency)
  const parsed = parseScaledDecimal(event.amount, exponent)
  if (parsed.ok) return
  const message =
    parsed.reason === 'too_many_decimals'
      ? `${event.currency} has ${exponent} decimals; this amount has more`
      : parsed.reason === 'too_large'
        ? 'Amount is too large'
        : decimalFormatMessage
  ctx.addIssue({ code: 'custom', path: ['amount'], message })
}
