import { randomUUID } from 'node:crypto'
import {
  type ApiIssue,
  currencyExponent,
  eventTypeSchema,
  type EventType,
  identifyEventSchema,
  LIMITS,
  parseScaledDecimal,
  type PurchaseItem,
  purchaseEventSchema,
  refundEventSchema,
  toApiIssues,
  trackEventSchema,
} from '@rapport/shared'
import type { z } from 'zod'
import type { NormalizedEvent, NormalizedItem } from './normalized-event.js'

export type Validated = { ok: true; event: NormalizedEvent } | { ok: false; issues: ApiIssue[] }

function scaled(value: string | number, scale: number): bigint {
  const parsed = parseScaledDecimal(value, scale)
  // The schemas already refused anything that does not parse.
  if (!parsed.ok) throw new Error(`unreachable: ${parsed.reason}`)
  return parsed.value
}

function toDate(occurredAt: string | undefined, receivedAt: Date): Date {
  return occurredAt === undefined ? receivedAt : new Date(occurredAt)
}

function normalizeItems(items: PurchaseItem[] | undefined): NormalizedItem[] | null {
  return (
    items?.map((item) => ({
      productId: item.productId,
      name: item.name ?? null,
      category: item.category ?? null,
      quantity: item.quantity,
      unitPriceE4: item.unitPrice === undefined ? null : scaled(item.unitPrice, LIMITS.unitPriceDecimals),
    })) ?? null
  )
}

function failure(error: z.ZodError, prefix: readonly PropertyKey[]): Validated {
  return { ok: false, issues: toApiIssues(error.issues, prefix) }
}

/**
 * Validates one event against the shared contract and normalizes it. `prefix`
 * is prepended to issue paths (`events.3`) so batch errors point at the field.
 */
export function validateEvent(type: EventType, raw: unknown, receivedAt: Date, prefix: readonly PropertyKey[] = []): Validated {
  switch (type) {
    case 'identify': {
      const parsed = identifyEventSchema.safeParse(raw)
      if (!parsed.success) return failure(parsed.error, prefix)
      const e = parsed.data
      return {
        ok: true,
        event: {
          type,
          eventId: e.eventId ?? randomUUID(),
          occurredAt: toDate(e.occurredAt, receivedAt),
          customerId: e.customerId,
          email: e.email ?? null,
          name: e.name ?? null,
          phone: e.phone ?? null,
          traits: e.traits ?? {},
        },
      }
    }
    case 'purchase': {
      const parsed = purchaseEventSchema.safeParse(raw)
      if (!parsed.success) return failure(parsed.error, prefix)
      const e = parsed.data
      const items = normalizeItems(e.items)
      return {
        ok: true,
        event: {
          type,
          eventId: e.eventId ?? randomUUID(),
          occurredAt: toDate(e.occurredAt, receivedAt),
          orderId: e.orderId,
          customerId: e.customerId ?? null,
          amountMinor: scaled(e.amount, currencyExponent(e.currency)),
          currency: e.currency,
          status: e.status,
          source: e.source ?? null,
          channel: e.channel ?? null,
          country: e.country ?? null,
          items,
        },
      }
    }
    case 'refund': {
      const parsed = refundEventSchema.safeParse(raw)
      if (!parsed.success) return failure(parsed.error, prefix)
      const e = parsed.data
      return {
        ok: true,
        event: {
          type,
          eventId: e.eventId ?? randomUUID(),
          occurredAt: toDate(e.occurredAt, receivedAt),
          refundId: e.refundId,
          orderId: e.orderId ?? null,
          customerId: e.customerId ?? null,
          amountMinor: scaled(e.amount, currencyExponent(e.currency)),
          currency: e.currency,
          reason: e.reason ?? null,
          country: e.country ?? null,
          items: normalizeItems(e.items),
        },
      }
    }
    case 'track': {
      const parsed = trackEventSchema.safeParse(raw)
      if (!parsed.success) return failure(parsed.error, prefix)
      const e = parsed.data
      return {
        ok: true,
        event: {
          type,
          eventId: e.eventId ?? randomUUID(),
          occurredAt: toDate(e.occurredAt, receivedAt),
          customerId: e.customerId,
          name: e.name,
          properties: e.properties ?? {},
        },
      }
    }
  }
}

/** A batch entry: `{ type, ...fields }`. The type is checked first so errors name the real problem. */
export function validateBatchEntry(raw: unknown, receivedAt: Date, index: number): Validated {
  const prefix = ['events', index]
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: prefix.join('.'), message: 'Each event must be an object' }] }
  }
  const { type, ...fields } = raw as Record<string, unknown>
  const parsedType = eventTypeSchema.safeParse(type)
  if (!parsedType.success) {
    return { ok: false, issues: [{ path: [...prefix, 'type'].join('.'), message: 'Must be "identify", "purchase", "refund" or "track"' }] }
  }
  return validateEvent(parsedType.data, fields, receivedAt, prefix)
}
