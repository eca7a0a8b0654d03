import type { PurchaseStatus, TraitValue } from '@rapport/shared'

/** An event after validation: ids filled in, times as Dates, money as integer minor units. */
export type NormalizedEvent = NormalizedIdentify | NormalizedPurchase | NormalizedRefund | NormalizedTrack

export interface NormalizedIdentify {
  type: 'identify'
  eventId: string
  occurredAt: Date
  customerId: string
  email: string | null
  name: string | null
  phone: string | null
  traits: Record<string, TraitValue>
}

export interface NormalizedItem {
  productId: string
  name: string | null
  category: string | null
  quantity: number
  /** Ten-thousandths of a major unit. */
  unitPriceE4: bigint | null
}

export interface NormalizedPurchase {
  type: 'purchase'
  eventId: string
  occurredAt: Date
  orderId: string
  customerId: string | null
  amountMinor: bigint
  currency: string
  status: PurchaseStatus
  source: string | null
  channel: string | null
  country: string | null
  items: NormalizedItem[] | null
}

export interface NormalizedRefund {
  type: 'refund'
  eventId: string
  occurredAt: Date
  refundId: string
  orderId: string | null
  customerId: string | null
  amountMinor: bigint
  currency: string
  reason: string | null
  country: string | null
  items: NormalizedItem[] | null
}

export interface NormalizedTrack {
  type: 'track'
  eventId: string
  occurredAt: Date
  customerId: string
  name: string
  properties: Record<string, unknown>
}
