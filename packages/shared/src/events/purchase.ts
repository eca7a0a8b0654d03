import { z } from 'zod'
import { LIMITS } from '../limits.js'
import { parseScaledDecimal } from '../money.js'
import { checkAmount, decimal, decimalFormatMessage } from './amount.js'
import { currencyCode, eventId, externalId, occurredAt, text } from './primitives.js'

/** One line of a purchase. */
export const purchaseItemSchema = z.strictObject({
  productId: externalId,
  name: text(512).optional(),
  category: text(256).optional(),
  quantity: z.int().min(1).max(1_000_000_000).default(1),
  /** Price of one unit in major units, up to 4 decimals (wholesale prices have them). */
  unitPrice: decimal
    .refine((value) => parseScaledDecimal(value, LIMITS.unitPriceDecimals).ok, {
      message: `${decimalFormatMessage}, with at most ${LIMITS.unitPriceDecimals} decimals`,
    })
    .optional(),
})

export const purchaseStatusSchema = z.enum(['completed', 'refunded'])

/**
 * An order. `orderId` is unique in a project: sending the same order again
 * never counts it twice; a later event for it (e.g. `status: 'refunded'`) updates it.
 * A purchase without `customerId` is a guest checkout: it counts in revenue,
 * not in customer metrics.
 *
 * @example
 * { orderId: 'A-1001', customerId: 'user-42', amount: '49.90', currency: 'EUR' }
 */
const purchaseFields = z.strictObject({
    eventId: eventId.optional(),
    orderId: externalId,
    customerId: externalId.optional(),
    /** What revenue counts: the order total in major units, e.g. `"49.90"`. */
    amount: decimal,
    currency: currencyCode,
    items: z.array(purchaseItemSchema).max(LIMITS.purchaseItems).optional(),
    status: purchaseStatusSchema.default('completed'),
    source: text(128).optional(),
    channel: text(128).optional(),
    /** Where the customer is (billing or shipping country), for breakdowns, e.g. `"Germany"`. */
    country: text(128).optional(),
    occurredAt: occurredAt.optional(),
})

export const purchaseEventSchema = purchaseFields.superRefine(checkAmount)

/** The purchase variant of a batch event (see `batchEventSchema`). */
export const purchaseBatchEventSchema = purchaseFields
  .extend({ type: z.literal('purchase') })
  .superRefine(checkAmount)

export type PurchaseItem = z.output<typeof purchaseItemSchema>
export type PurchaseStatus = z.output<typeof purchaseStatusSchema>
export type PurchaseEvent = z.output<typeof purchaseEventSchema>
export type PurchaseEventInput = z.input<typeof purchaseEventSchema>
