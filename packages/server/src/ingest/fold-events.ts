import type { TraitValue } from '@rapport/shared'
import type { NormalizedEvent, NormalizedIdentify, NormalizedItem, NormalizedPurchase, NormalizedRefund } from './normalized-event.js'

/** One row to merge into `customers`: the batch's events for that customer, folded. */
export interface CustomerUpsert {
  customerId: string
  email: string | null
  name: string | null
  phone: string | null
  traits: Record<string, TraitValue>
  /** `occurredAt` of the newest identify folded in; null when the batch only mentions the customer. */
  profileAt: Date | null
  firstSeenAt: Date
  lastSeenAt: Date
}

/** One row to merge into `purchases`: the newest event for the order wins. */
export interface PurchaseUpsert {
  orderId: string
  /** The winning (newest) event. */
  eventId: string
  lastEventAt: Date
  /** The earliest `occurredAt` among the batch's events for the order. */
  orderedAt: Date
  customerId: string | null
  amountMinor: bigint
  currency: string
  status: NormalizedPurchase['status']
  source: string | null
  channel: string | null
  country: string | null
  refundedAt: Date | null
  /** Items of the newest event that carried items; null when none did. */
  items: NormalizedItem[] | null
}

const byTime = <T extends { occurredAt: Date }>(a: T, b: T) => a.occurredAt.getTime() - b.occurredAt.getTime()
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function customerOf(event: NormalizedEvent): string | null {
  return event.customerId
}

/**
 * Folds a batch into one upsert per customer, sorted by id (every transaction
 * locks customers in the same order, so concurrent batches cannot deadlock).
 * Identifies apply oldest first: a newer one overwrites the fields it names.
 */
export function foldCustomers(events: readonly NormalizedEvent[]): CustomerUpsert[] {
  const folded = new Map<string, CustomerUpsert>()
  const identifies: NormalizedIdentify[] = []
  for (const event of events) {
    const customerId = customerOf(event)
    if (customerId === null) continue
    const current = folded.get(customerId)
    if (!current) {
      folded.set(customerId, {
        customerId,
        email: null,
        name: null,
        phone: null,
        traits: {},
        profileAt: null,
        firstSeenAt: event.occurredAt,
        lastSeenAt: event.occurredAt,
      })
    } else {
      if (event.occurredAt < current.firstSeenAt) current.firstSeenAt = event.occurredAt
      if (event.occurredAt > current.lastSeenAt) current.lastSeenAt = event.occurredAt
    }
    if (event.type === 'identify') identifies.push(event)
  }
  for (const event of identifies.sort(byTime)) {
    const current = folded.get(event.customerId)
    if (!current) continue
    current.email = event.email ?? current.email
    current.name = event.name ?? current.name
    current.phone = event.phone ?? current.phone
    current.traits = { ...current.traits, ...event.traits }
    current.profileAt = event.occurredAt
  }
  return [...folded.values()].sort((a, b) => byKey(a.customerId, b.customerId))
}

/** Folds a batch's purchases into one upsert per order, sorted by order id. */
export function foldPurchases(events: readonly NormalizedEvent[]): PurchaseUpsert[] {
  const byOrder = new Map<string, NormalizedPurchase[]>()
  for (const event of events) {
    if (event.type !== 'purchase') continue
    const list = byOrder.get(event.orderId)
    if (list) list.push(event)
    else byOrder.set(event.orderId, [event])
  }
  const out: PurchaseUpsert[] = []
  for (const [orderId, list] of byOrder) {
    // Stable sort: among equal times the one sent later wins.
    const sorted = [...list].sort(byTime)
    const newest = sorted[sorted.length - 1]
    const oldest = sorted[0]
    if (!newest || !oldest) continue
    const withItems = sorted.filter((event) => event.items !== null)
    const withCustomer = sorted.filter((event) => event.customerId !== null)
    out.push({
      orderId,
      eventId: newest.eventId,
      lastEventAt: newest.occurredAt,
      orderedAt: oldest.occurredAt,
      customerId: withCustomer[withCustomer.length - 1]?.customerId ?? null,
      amountMinor: newest.amountMinor,
      currency: newest.currency,
      status: newest.status,
      source: newest.source ?? sorted.findLast((event) => event.source !== null)?.source ?? null,
      channel: newest.channel ?? sorted.findLast((event) => event.channel !== null)?.channel ?? null,
      country: newest.country ?? sorted.findLast((event) => event.country !== null)?.country ?? null,
      refundedAt: newest.status === 'refunded' ? newest.occurredAt : null,
      items: withItems[withItems.length - 1]?.items ?? null,
    })
  }
  return out.sort((a, b) => byKey(a.orderId, b.orderId))
}

/** One row to merge into `refunds`: the newest event for the refund wins. */
export interface RefundUpsert {
  refundId: string
  eventId: string
  lastEventAt: Date
  orderId: string | null
  customerId: string | null
  amountMinor: bigint
  currency: string
  reason: string | null
  country: string | null
  refundedAt: Date
  items: NormalizedItem[] | null
}

/** Folds a batch's refunds into one upsert per refund id, sorted by id. */
export function foldRefunds(events: readonly NormalizedEvent[]): RefundUpsert[] {
  const byRefund = new Map<string, NormalizedRefund[]>()
  for (const event of events) {
    if (event.type !== 'refund') continue
    const list = byRefund.get(event.refundId)
    if (list) list.push(event)
    else byRefund.set(event.refundId, [event])
  }
  const out: RefundUpsert[] = []
  for (const [refundId, list] of byRefund) {
    const sorted = [...list].sort(byTime)
    const newest = sorted[sorted.length - 1]
    if (!newest) continue
    const last = <K extends 'orderId' | 'customerId' | 'reason' | 'country'>(key: K): string | null =>
      newest[key] ?? sorted.findLast((event) => event[key] !== null)?.[key] ?? null
    out.push({
      refundId,
      eventId: newest.eventId,
      lastEventAt: newest.occurredAt,
      orderId: last('orderId'),
      customerId: last('customerId'),
      amountMinor: newest.amountMinor,
      currency: newest.currency,
      reason: last('reason'),
      country: last('country'),
      refundedAt: newest.occurredAt,
      items: sorted.findLast((event) => event.items !== null)?.items ?? null,
    })
  }
  return out.sort((a, b) => byKey(a.refundId, b.refundId))
}
