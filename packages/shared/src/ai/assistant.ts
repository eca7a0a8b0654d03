import { z } from 'zod'

/** Languages the assistant writes in. */
export const localeSchema = z.enum(['en', 'ru'])
export type Locale = z.output<typeof localeSchema>

/**
 * Who wrote the text: `openai` (the configured model, its numbers checked against
 * the facts) or `deterministic` (templates over the same facts, no model).
 */
export const assistantEngineSchema = z.enum(['openai', 'deterministic'])
export type AssistantEngine = z.output<typeof assistantEngineSchema>

/**
 * One figure the assistant may cite: `value` is exact (a decimal string for
 * money, a number for counts and ratios), `formatted` is how the text shows it.
 */
export const factSchema = z.object({
  /** Stable within one answer, e.g. `revenue.net` or `products.top.1.net`. */
  id: z.string(),
  label: z.string(),
  value: z.union([z.string(), z.number()]),
  formatted: z.string(),
})
export type Fact = z.output<typeof factSchema>
