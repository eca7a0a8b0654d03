import { z } from 'zod'

/** A calendar date, `YYYY-MM-DD`, read in the project's time zone, from 1970 (when events may start) to 2199. */
export const isoDateSchema = z.iso
  .date({ message: 'Must be a date such as 2011-01-31' })
  .refine((date) => date >= '1970-01-01' && date < '2200-01-01', { message: 'Must be between 1970-01-01 and 2199-12-31' })

export const intervalSchema = z.enum(['day', 'week', 'month'])
export type Interval = z.output<typeof intervalSchema>

/** Longest period a report or trend covers, so one request stays bounded. */
export const MAX_PERIOD_DAYS = 3660

/**
 * `from` inclusive, `to` exclusive, both dates in the project's time zone.
 * Weeks start on Monday (ISO 8601).
 */
export const periodFields = {
  from: isoDateSchema,
  to: isoDateSchema,
  interval: intervalSchema.default('month'),
  /** With a session, names the project; with a secret key it may be left out. */
  projectId: z.uuid().optional(),
}

/** Refuses `to` ≤ `from` and periods over ten years, with the field path. */
export function checkPeriod(input: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000
  if (!(days > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must be after `from` (it is exclusive)' })
  else if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `A period is at most ${MAX_PERIOD_DAYS} days` })
}

/** An absolute and relative change; `relative` is null when the base is zero. */
export const changeSchema = z.object({
  absolute: z.string(),
  /** (current − previous) / |previous|, e.g. `0.125` for +12.5 %. */
  relative: z.number().nullable(),
})
export type Change = z.output<typeof changeSchema>
