import { LIMITS } from './limits.js'

/** What the batcher needs of a queued event: its serialized size. */
export interface Sized {
  /** UTF-8 bytes of the event's JSON. */
  bytes: number
}

/** Bytes of `{"events":[` and `]}` around the events. */
export const ENVELOPE_BYTES = '{"events":[]}'.length

/**
 * How many events from the head of `queue` make the next batch: as many as
 * fit in the server's 500 events and `maxBytes`, and always at least one (an
 * event larger than the limit on its own is refused before it is queued).
 */
export function takeCount(queue: readonly Sized[], maxBytes: number): number {
  let bytes = ENVELOPE_BYTES - 1
  let count = 0
  for (const event of queue) {
    if (count === LIMITS.batchEvents) break
    // +1 for the comma (or, for the first event, the 1 subtracted above).
    const next = bytes + event.bytes + 1
    if (count > 0 && next > maxBytes) break
    bytes = next
    count++
  }
  return count
}

/** Serializes a batch body from events already in JSON. */
export function batchBody(events: ReadonlyArray<{ json: string }>): string {
  return `{"events":[${events.map((event) => event.json).join(',')}]}`
}
