import { z } from 'zod'
import { LIMITS } from '../limits.js'
import { identifyEventSchema } from './identify.js'
import { purchaseBatchEventSchema } from './purchase.js'
import { refundBatchEventSchema } from './refund.js'
import { trackEventSchema } from './track.js'

export const eventTypeSchema = z.enum(['identify', 'purchase', 'refund', 'track'])
export type EventType = z.output<typeof eventTypeSchema>

/** One event of a batch: the event's own fields plus its `type`. */
export const batchEventSchema = z.discriminatedUnion('type', [
  identifyEventSchema.extend({ type: z.literal('identify') }),
  purchaseBatchEventSchema,
  refundBatchEventSchema,
  trackEventSchema.extend({ type: z.literal('track') }),
])

export type BatchEvent = z.output<typeof batchEventSchema>
export type BatchEventInput = z.input<typeof batchEventSchema>

/**
 * The batch body: `{ events: [...] }`, at most 500 events and 512 KB.
 * The server validates each event on its own: valid events are stored and
 * each invalid one is reported back by index.
 */
export const batchSchema = z.strictObject({
  events: z.array(batchEventSchema).min(1).max(LIMITS.batchEvents),
})

/** The envelope alone, before each event is validated separately. */
export const batchEnvelopeSchema = z.strictObject({
  events: z.array(z.unknown()).min(1).max(LIMITS.batchEvents),
})

export type BatchInput = z.input<typeof batchSchema>
