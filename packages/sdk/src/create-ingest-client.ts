import { DeliveryError, RapportError, ValidationError } from './errors.js'
import { identifyEvent, moneyEvent, trackEvent, type WireEvent } from './internal/build-event.js'
import { watchPage } from './internal/page-lifecycle.js'
import { createPipeline } from './internal/pipeline.js'
import { createQueueStore } from './internal/queue-store.js'
import { type ResolvedOptions, resolveOptions } from './internal/resolve-options.js'
import { randomUUID } from './internal/uuid.js'
import { LIMITS } from './internal/limits.js'
import { ENVELOPE_BYTES } from './internal/take-batch.js'
import { utf8Length } from './internal/utf8-length.js'
import { validateEvent } from './internal/validate-event.js'
import type { CRMOptions, ShutdownOptions } from './options.js'
import type { EventOptions, IdentifyTraits, PurchaseInput, RefundInput, TrackProperties } from './types.js'

/**
 * Sends events. Every method returns at once: events are checked, queued and
 * sent in batches in the background; problems go to `onError`, never thrown.
 */
export interface IngestClient {
  /**
   * A customer signed up or changed their profile.
   * @example crm.identify('user-42', { email: 'ann@example.com', name: 'Ann', plan: 'pro' })
   */
  identify(customerId: string, traits?: IdentifyTraits, options?: EventOptions): void
  /**
   * An order (or a change to one, e.g. `status: 'refunded'`).
   * @example crm.purchase({ customerId: 'user-42', orderId: 'A-1001', amount: '49.90', currency: 'EUR', country: 'Germany' })
   */
  purchase(purchase: PurchaseInput): void
  /**
   * Money given back: a whole or partial refund, returned lines, a credit note.
   * Counts in the period it happens (not the order's); sending the same
   * `refundId` again updates the refund instead of counting it twice.
   * @example
   * crm.refund({ refundId: 'R-17', orderId: 'A-1001', amount: '24.95', currency: 'EUR', items: [{ productId: 'mug', quantity: 1 }], reason: 'damaged' })
   */
  refund(refund: RefundInput): void
  /**
   * Any other interaction of a known customer.
   * @example crm.track('user-42', 'demo_requested', { source: 'pricing_page' })
   */
  track(customerId: string, name: string, properties?: TrackProperties, options?: EventOptions): void
  /** Resolves when every event queued so far has been delivered or given up (and reported). Never rejects. */
  flush(): Promise<void>
  /**
   * Flushes (waiting at most `timeout`), then stops. Events still undelivered are
   * reported as a `DeliveryError` (in browsers they stay persisted for the next page).
   */
  shutdown(options?: ShutdownOptions): Promise<void>
}

/** The ingestion part of the client, with its resolved options (shared with `createCRM`). */
export function createIngestCore(options: CRMOptions): { client: IngestClient; resolved: ResolvedOptions } {
  const resolved = resolveOptions(options)
  const { report } = resolved
  let hidden = false
  const { storage } = resolved
  const store = storage && !resolved.disabled ? createQueueStore({ ...resolved, storage }, randomUUID()) : undefined
  // No `save` without a store: the pipeline would copy its whole queue on every tick for nothing.
  const pipeline = createPipeline({ ...resolved, save: store && ((entries) => store.save(entries, hidden)) })
  let stopWatching: (() => void) | undefined
  if (store) {
    store.claimOrphans(pipeline.adopt)
    if (resolved.browser) {
      stopWatching = watchPage({
        onHide: (unloading) => {
          hidden = unloading
          pipeline.saveNow()
          pipeline.sendOnHide()
        },
        onShow: () => {
          // While this page sat in the back/forward cache another tab may have adopted its queue.
          if (hidden && !store.owned()) pipeline.discardQueued()
          hidden = false
          pipeline.saveNow()
          store.claimOrphans(pipeline.adopt)
        },
      })
    }
  }

  const enqueue = (build: () => WireEvent) => {
    try {
      if (pipeline.closed) return report(new RapportError('closed', 'Client shut down'))
      const event = build()
      const json = JSON.stringify(event)
      const bytes = utf8Length(json)
      const issues = validateEvent(event)
      // Even alone in a batch, such an event could never be sent.
      if (ENVELOPE_BYTES + bytes > LIMITS.batchBytes) issues.push({ path: '', message: 'Too large for a batch' })
      if (issues.length > 0) {
        const eventId = typeof event.eventId === 'string' ? event.eventId : undefined
        const message = `Invalid ${event.type}: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`
        return report(new ValidationError('validation_error', message, { issues, eventType: event.type, eventId, source: 'client' }))
      }
      if (!resolved.disabled) pipeline.enqueue({ seq: 0, id: String(event.eventId), type: event.type, json, bytes })
    } catch (cause) {
      report(new RapportError('validation_error', 'Unreadable event', { cause }))
    }
  }

  const client: IngestClient = {
    identify: (customerId, traits, eventOptions) => enqueue(() => identifyEvent(customerId, traits, eventOptions)),
    purchase: (purchase) => enqueue(() => moneyEvent('purchase', purchase)),
    refund: (refund) => enqueue(() => moneyEvent('refund', refund)),
    track: (customerId, name, properties, eventOptions) => enqueue(() => trackEvent(customerId, name, properties, eventOptions)),
    // The pipeline is a closure: its methods need no `this`.
    flush: pipeline.flush,
    shutdown: async (shutdownOptions) => {
      stopWatching?.()
      const timeout = Math.max(shutdownOptions?.timeout ?? 10_000, resolved.timeout)
      const left = await pipeline.close(timeout)
      if (left.length > 0) {
        const ids = left.map((entry) => entry.id)
        report(new DeliveryError(`${left.length} event(s) undelivered at shutdown`, ids))
      }
    },
  }
  return { client, resolved }
}

/**
 * A client that only sends events: the smallest bundle, for pages that never read data.
 *
 * @example
 * import { createIngestClient } from '@rapport/sdk/ingest'
 * const rapport = createIngestClient({ apiKey: 'rk_pub_…', host: '/crm' })
 * rapport.track('user-42', 'demo_requested', { source: 'pricing_page' })
 */
export function createIngestClient(options: CRMOptions): IngestClient {
  return createIngestCore(options).client
}
