import { z } from 'zod'

/** An exact decimal amount in major units, e.g. `"560000.26"`. Never a float. */
export const moneySchema = z.string().regex(/^-?\d+(\.\d+)?$/)
