import type { JsonValue, PurchaseEventInput, RefundEventInput, TraitValue } from '@rapport/shared'

export type { JsonValue, TraitValue }

/**
 * What `identify` knows about a customer. `email`, `name` and `phone` fill the
 * profile's fields; every other key becomes a trait (a flat scalar).
 *
 * @example
 * { email: 'ann@example.com', name: 'Ann', plan: 'pro', seats: 5 }
 */
export interface IdentifyTraits {
  email?: string | undefined
  name?: string | undefined
  phone?: string | undefined
  [trait: string]: TraitValue | undefined
}

/** Properties of a `track` event: any JSON, nested at most 5 levels, at most 16 KB. */
export type TrackProperties = Record<string, JsonValue>

/**
 * An order, as `purchase` takes it. `amount` is the order total in major
 * units, as a string (`"49.90"`) or a number; `country` (billing or shipping)
 * feeds the reports' breakdowns.
 *
 * @example
 * { customerId: 'user-42', orderId: 'A-1001', amount: '49.90', currency: 'EUR', country: 'Germany', items: [{ productId: 'sku-1', quantity: 2 }] }
 */
export type PurchaseInput = Omit<PurchaseEventInput, 'occurredAt'> & {
  /** When the order was placed; defaults to the time of the call. */
  occurredAt?: string | Date | undefined
}

/**
 * Money given back, as `refund` takes it: a whole or partial refund, returned
 * lines or a credit note. `refundId` is unique in a project (sending it again
 * updates the refund, never counts it twice); `amount` is what was refunded,
 * in major units. `customerId` and `country` default to the order's.
 *
 * @example
 * { refundId: 'R-17', orderId: 'A-1001', amount: '19.90', currency: 'EUR', items: [{ productId: 'sku-1', quantity: 1 }], reason: 'damaged' }
 */
export type RefundInput = Omit<RefundEventInput, 'occurredAt'> & {
  /** When the money was given back; defaults to the time of the call. */
  occurredAt?: string | Date | undefined
}

/** Per-call overrides, for backfills and for apps that make their own ids. */
export interface EventOptions {
  /** A UUID identifying the event; resending the same id never stores it twice. @default crypto.randomUUID() */
  eventId?: string | undefined
  /** When the event happened. @default the time of the call */
  occurredAt?: string | Date | undefined
}

/** `identify`, `purchase`, `refund` or `track`. */
export type EventType = 'identify' | 'purchase' | 'refund' | 'track'
