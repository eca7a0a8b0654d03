import type { EventOptions, EventType, IdentifyTraits, PurchaseInput, RefundInput, TrackProperties } from '../types.js'
import { isPlainObject } from './validate-event.js'
import { randomUUID } from './uuid.js'

/** An event as sent: `{ type, eventId, ...fields, occurredAt }`. */
export type WireEvent = Record<string, unknown> & { type: EventType; eventId: unknown }

const PROFILE_FIELDS = new Set(['email', 'name', 'phone'])

// An invalid Date throws here, and the call reports the event as unreadable.
const timestamp = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value)

/** Adds the event id and time fixed at the call (kept on every retry, which makes resending safe). */
function stamp(type: EventType, fields: Record<string, unknown>, options: EventOptions | undefined): WireEvent {
  const eventId = options?.eventId ?? fields.eventId ?? randomUUID()
  const occurredAt = timestamp(options?.occurredAt ?? fields.occurredAt) ?? new Date().toISOString()
  return { ...fields, type, eventId, occurredAt }
}

export function identifyEvent(customerId: string, traits: IdentifyTraits | undefined, options?: EventOptions): WireEvent {
  const fields: Record<string, unknown> = { customerId }
  const rest: Record<string, unknown> = {}
  // Not an object (or none): passed on as is, for validation to judge.
  if (!isPlainObject(traits)) fields.traits = traits
  else {
    for (const [key, value] of Object.entries(traits)) {
      if (value === undefined) continue
      if (!PROFILE_FIELDS.has(key)) rest[key] = value
      // A null profile field is left out: it would erase nothing the server knows how to erase.
      else if (value !== null) fields[key] = value
    }
  }
  if (Object.keys(rest).length > 0) fields.traits = rest
  return stamp('identify', fields, options)
}

export function trackEvent(customerId: string, name: string, properties: TrackProperties | undefined, options?: EventOptions): WireEvent {
  const fields: Record<string, unknown> = { customerId, name }
  if (properties !== undefined) fields.properties = properties
  return stamp('track', fields, options)
}

/** A purchase or refund: the caller's object as the event (a non-object becomes one missing its id, reported as such). */
export function moneyEvent(type: 'purchase' | 'refund', input: PurchaseInput | RefundInput): WireEvent {
  return stamp(type, isPlainObject(input) ? { ...input } : {}, undefined)
}
