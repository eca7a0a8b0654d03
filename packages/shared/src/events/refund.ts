import { z } from 'zod'
import { LIMITS } from '../limits.js'
import { checkAmount, decimal } from './amount.js'
import { currencyCode, eventId, externalId, occurredAt, text } from './primitives.js'
import { purchaseItemSchema } from './purchase.js'

/**
 * Money given back: a whole or partial refund, a returned line, a credit note.
 * `refundId` is unique in a project (a second event with it updates the refund,
 * never counts it twice). `orderId` links it to the order when known; refunds
 * count in the period they happen, not the order's. `items` are the returned
 * lines, quantities positive.
 *
 * @example
 * { refundId: 'R-17', orderId: 'A-1001', customerId: 'user-42', amount: '19.90', currency: 'EUR' }
 */
const refundFields = z.strictObject({
  eventId: eventId.optional(),
  refundId: externalId,
  orderId: externalId.optional(),
  customerId: externalId.optional(),
  /** The amount refunded in major units, e.g. `"19.90"`. */
  amount: decimal,
  currency: currencyCode,
  items: z.array(purchaseItemSchema).max(LIMITS.purchaseItems).optional(),
  reason: text(512).optional(),
  /** Where the customer is (for breakdowns), e.g. `"Germany"`. Defaults to the order's. */
  country: text(128).optional(),
  occurredAt: occurredAt.optional(),
})

export const refundEventSchema = refundFields.superRefine(checkAmount)

/** The refund variant of a batch event (see `batchEventSchema`). */
export const refundBatchEventSchema = refundFields.extend({ type: z.literal('refund') }).superRefine(checkAmount)

export type RefundEvent = z.output<typeof refundEventSchema>
export type RefundEventInput = z.input<typeof refundEventSchema>
