import { z } from 'zod'
import { apiIssueSchema, errorCodeSchema } from '../errors.js'

/** What the server did with one event: stored it, or recognised it as already stored. */
export const ingestStatusSchema = z.enum(['accepted', 'duplicate'])

export const ingestResultSchema = z.object({
  eventId: z.uuid(),
  status: ingestStatusSchema,
})
export type IngestResult = z.output<typeof ingestResultSchema>

export const rejectedEventSchema = z.object({
  /** Position of the event in the batch, from 0. */
  index: z.int(),
  code: errorCodeSchema,
  message: z.string(),
  issues: z.array(apiIssueSchema),
})
export type RejectedEvent = z.output<typeof rejectedEventSchema>

export const batchResultSchema = z.object({
  /** Events stored by this request. */
  accepted: z.int(),
  /** Events already stored before (same `eventId`): ignored. */
  duplicates: z.int(),
  /** Per-event results for the events that were valid, in batch order. */
  results: z.array(ingestResultSchema.extend({ index: z.int() })),
  /** Events refused, with the reason and the field path. */
  rejected: z.array(rejectedEventSchema),
})
export type BatchResult = z.output<typeof batchResultSchema>
