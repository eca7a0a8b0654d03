import { z } from 'zod'
import { checkPeriod, isoDateSchema } from '../analytics/period.js'
import { assistantEngineSchema, factSchema, localeSchema } from './assistant.js'

/**
 * `insights.summary`: a narrative of a period (`from` inclusive, `to`
 * exclusive, in the project's time zone) against the period before it.
 */
export const summaryInputSchema = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    locale: localeSchema.default('en'),
    /** With a session, names the project; with a secret key it may be left out. */
    projectId: z.uuid().optional(),
  })
  .superRefine(checkPeriod)
export type SummaryInput = z.input<typeof summaryInputSchema>

/** One statement and the facts (by `id`) whose figures it uses. */
export const summaryBulletSchema = z.object({
  text: z.string(),
  factIds: z.array(z.string()),
})
export type SummaryBullet = z.output<typeof summaryBulletSchema>

/** `kind` names the section whatever the language: what changed, the drivers, the forecast, the actions. */
export const summarySectionSchema = z.object({
  kind: z.enum(['changes', 'drivers', 'forecast', 'actions']),
  title: z.string(),
  bullets: z.array(summaryBulletSchema),
})
export type SummarySection = z.output<typeof summarySectionSchema>

export const summarySchema = z.object({
  engine: assistantEngineSchema,
  locale: localeSchema,
  from: z.iso.date(),
  to: z.iso.date(),
  currency: z.string(),
  headline: z.string(),
  sections: z.array(summarySectionSchema),
  /** The same text as Markdown, ready to render. */
  markdown: z.string(),
  /** Every figure the text may use; bullets point here by id. */
  facts: z.array(factSchema),
  /** Caveats: too little data, the model did not answer and templates were used instead, … */
  notes: z.array(z.string()),
  generatedAt: z.iso.datetime({ offset: true }),
  /** Served from the cache: the project's data has not changed since `generatedAt`. */
  cached: z.boolean(),
})
export type Summary = z.output<typeof summarySchema>
