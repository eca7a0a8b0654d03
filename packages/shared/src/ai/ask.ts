import { z } from 'zod'
import { assistantEngineSchema, localeSchema } from './assistant.js'

/** Longest question `insights.ask` takes. */
export const MAX_QUESTION_LENGTH = 1000

/** `insights.ask`: a question about the project's own data, in plain words. */
export const askInputSchema = z.strictObject({
  question: z.string().trim().min(1, 'Ask a question').max(MAX_QUESTION_LENGTH),
  locale: localeSchema.default('en'),
  /** With a session, names the project; with a secret key it may be left out. */
  projectId: z.uuid().optional(),
})
export type AskInput = z.input<typeof askInputSchema>

/** One tool the answer used: its name, its arguments and what it returned (the sources a UI can show or chart). */
export const toolCallSchema = z.object({
  tool: z.string(),
  input: z.record(z.string(), z.json()),
  data: z.json(),
})
export type ToolCall = z.output<typeof toolCallSchema>

export const askResultSchema = z.object({
  engine: assistantEngineSchema,
  locale: localeSchema,
  answer: z.string(),
  /** Empty when the question was not answered from data. */
  toolCalls: z.array(toolCallSchema),
  /** A question worth asking next, or null. */
  followUp: z.string().nullable(),
  /** True when the data (or, without a model, the question kind) did not allow an answer. */
  insufficientData: z.boolean(),
  notes: z.array(z.string()),
})
export type AskResult = z.output<typeof askResultSchema>
