import { z } from 'zod'
import { eventId, externalId, occurredAt, properties, text } from './primitives.js'

/**
 * Any other interaction with a known customer (`email_opened`, `demo_requested`).
 *
 * @example
 * { customerId: 'user-42', name: 'demo_requested', properties: { source: 'pricing_page' } }
 */
export const trackEventSchema = z.strictObject({
  eventId: eventId.optional(),
  customerId: externalId,
  name: text(128, 1),
  properties: properties.optional(),
  occurredAt: occurredAt.optional(),
})

export type TrackEvent = z.output<typeof trackEventSchema>
export type TrackEventInput = z.input<typeof trackEventSchema>
