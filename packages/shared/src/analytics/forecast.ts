import { z } from 'zod'
import { intervalSchema } from './period.js'

export const forecastMetricSchema = z.enum(['revenue', 'orders', 'customers'])
export type ForecastMetric = z.output<typeof forecastMetricSchema>

/** Longest horizon per interval: 90 days, 26 weeks, 12 months. */
export const MAX_FORECAST_HORIZON = { day: 90, week: 26, month: 12 } as const

export const forecastInputSchema = z
  .strictObject({
    /** `revenue` = net revenue; `customers` = paying customers. */
    metric: forecastMetricSchema.default('revenue'),
    interval: intervalSchema.default('day'),
    /** Intervals to forecast (default: 14 days, 8 weeks or 3 months). */
    horizon: z.coerce.number<number>().int().min(1).max(90).optional(),
    projectId: z.uuid().optional(),
  })
  .superRefine((input, ctx) => {
    const max = MAX_FORECAST_HORIZON[input.interval]
    if (input.horizon !== undefined && input.horizon > max) {
      ctx.addIssue({ code: 'custom', path: ['horizon'], message: `At most ${max} when the interval is ${input.interval}` })
    }
  })
export type ForecastInput = z.input<typeof forecastInputSchema>

/** A figure of a forecast: a decimal string in major units for revenue, a number for counts. */
const figure = z.union([z.string(), z.number()])

export const forecastSchema = z.object({
  metric: forecastMetricSchema,
  interval: intervalSchema,
  currency: z.string(),
  timezone: z.string(),
  /** The model used: one of the candidates, or `combination` (mean of the best by backtest). */
  model: z.string(),
  components: z.array(z.string()),
  /** The last interval of history the forecast starts after. */
  historyEnd: z.iso.date().nullable(),
  points: z.array(
    z.object({
      start: z.iso.date(),
      value: figure,
      lower80: figure,
      upper80: figure,
      lower95: figure,
      upper95: figure,
      /** A day the shop is closed (inferred from history): forecast exactly zero. */
      closed: z.boolean(),
    }),
  ),
  /** Rolling-origin backtest on the project's own history, next to the seasonal-naive baseline. */
  backtest: z
    .object({
      mase: z.number(),
      smape: z.number(),
      coverage80: z.number(),
      coverage95: z.number(),
      origins: z.int(),
      baseline: z.object({ model: z.literal('seasonal_naive'), mase: z.number(), smape: z.number() }),
    })
    .nullable(),
  notes: z.array(z.string()),
})
export type Forecast = z.output<typeof forecastSchema>
