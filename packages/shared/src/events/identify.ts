import { z } from 'zod'
import { eventId, externalId, occurredAt, text, traits } from './primitives.js'

/**
 * A customer signed up or changed their profile. Traits are merged into the
 * stored profile: a later `identify` overwrites the keys it names and keeps the others.
 *
 * @example
 * { customerId: 'user-42', email: 'ann@example.com', name: 'Ann', traits: { plan: 'pro' } }
 */
export const identifyEventSchema = z.strictObject({
  eventId: eventId.optional(),
  customerId: externalId,
  email: z.email({ message: 'Must be an email address' }).max(320).optional(),
  name: text(256).optional(),
  phone: text(64).optional(),
  traits: traits.optional(),
  occurredAt: occurredAt.optional(),
})

export type IdentifyEvent = z.output<typeof identifyEventSchema>
export type IdentifyEventInput = z.input<typeof identifyEventSchema>
