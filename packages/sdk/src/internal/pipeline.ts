import { DeliveryError, QueueOverflowError, type RapportError, ValidationError } from '../errors.js'
import type { WireEvent } from './build-event.js'
import { KEEPALIVE_BYTES, LIMITS } from './limits.js'
import { decide, type RetryPolicy } from './retry-policy.js'
import { batchBody, batchBytes, ENVELOPE_BYTES, takeCount } from './take-batch.js'
import { startTimer, sleep } from './timers.js'
import { type FetchLike, postBatch, type SendResult } from './transport.js'
import { utf8Length } from './utf8-length.js'

/** A queued event, serialized once when it is queued. */
export interface Entry {
  /** Position in the order of queueing: what `flush()` waits for. */
  seq: number
  id: string
  type: string
  json: string
  bytes: number
}

export interface PipelineConfig {
  url: string
  apiKey: string
  fetch: FetchLike
  timeout: number
  flushAt: number
  flushInterval: number
  maxQueueSize: number
  retry: RetryPolicy
  report: (error: RapportError) => void
  /** Called (at most once per tick) with every undelivered event after a change, to persist them. */
  save?: ((entries: readonly Entry[]) => void) | undefined
  random?: () => number
}

/**
 * The delivery engine: a bounded FIFO queue, at most one batch in flight,
 * retries with backoff, 413 halving, and `flush()` promises that resolve when
 * every event queued before the call has been delivered or given up.
 */
export class EventPipeline {
  readonly #config: PipelineConfig
  #queue: Entry[] = []
  /** The batch being delivered (through all its retries). */
  #inFlight: Entry[] = []
  /** The batch sent with `keepalive` when the page was hidden. */
  #unload: Entry[] = []
  #seq = 0
  #running: Promise<void> | undefined
  #waiters: Array<{ target: number; resolve: () => void }> = []
  #cancelTimer: (() => void) | undefined
  readonly #stop = new AbortController()
  #dropped = 0
  #saveScheduled = false

  constructor(config: PipelineConfig) {
    this.#config = config
  }

  get closed(): boolean {
    return this.#stop.signal.aborted
  }

  /** Every event not yet delivered, oldest first. */
  get pending(): readonly Entry[] {
    return [...this.#inFlight, ...this.#unload, ...this.#queue]
  }

  /** Queues one event already validated; drops the oldest past `maxQueueSize`. */
  enqueue(event: WireEvent): void {
    const json = JSON.stringify(event)
    const bytes = utf8Length(json)
    if (ENVELOPE_BYTES + bytes > LIMITS.batchBytes) {
      const message = 'Larger than a batch may be'
      const eventId = typeof event.eventId === 'string' ? event.eventId : undefined
      this.#config.report(new ValidationError('validation_error', message, { issues: [{ path: '', message }], eventType: event.type, eventId, source: 'client' }))
      return
    }
    this.#push({ seq: 0, id: String(event.eventId), type: event.type, json, bytes })
  }

  /** Queues events read back from storage, skipping ids already queued. */
  adopt(jsons: readonly string[]): void {
    const known = new Set(this.pending.map((entry) => entry.id))
    for (const json of jsons) {
      const event = JSON.parse(json) as { eventId?: unknown; type?: unknown }
      const id = String(event.eventId)
      if (known.has(id)) continue
      known.add(id)
      this.#push({ seq: 0, id, type: String(event.type), json, bytes: utf8Length(json) })
    }
  }

  #push(entry: Entry): void {
    if (this.closed) return
    entry.seq = ++this.#seq
    this.#queue.push(entry)
    if (this.#queue.length > this.#config.maxQueueSize) this.#overflow(this.#queue.length - this.#config.maxQueueSize)
    this.#changed()
    if (this.#queue.length >= this.#config.flushAt) this.#kick()
    else this.#armTimer()
  }

  #overflow(count: number): void {
    this.#queue.splice(0, count)
    // One report per burst, not one per event.
    if (this.#dropped === 0) {
      queueMicrotask(() => {
        const dropped = this.#dropped
        this.#dropped = 0
        this.#config.report(new QueueOverflowError(dropped))
      })
    }
    this.#dropped += count
    this.#settle()
  }

  /** Resolves once every event queued so far is delivered or given up for good. */
  flush(): Promise<void> {
    const target = this.#seq
    if (this.#isSettled(target) || this.closed) return Promise.resolve()
    const done = new Promise<void>((resolve) => this.#waiters.push({ target, resolve }))
    this.#kick()
    return done
  }

  /**
   * Stops: waits up to `timeoutMs` for a flush, then aborts what is left.
   * Returns the events that were not delivered (still persisted, if storage is used).
   */
  async close(timeoutMs: number): Promise<readonly Entry[]> {
    if (this.closed) return []
    let cancel: (() => void) | undefined
    // A plain (ref'd) timer on purpose: the app is awaiting shutdown, so the process should wait for it.
    const deadline = new Promise<void>((resolve) => {
      const handle = setTimeout(resolve, timeoutMs)
      cancel = () => clearTimeout(handle)
    })
    await Promise.race([this.flush(), deadline])
    cancel?.()
    const left = this.pending
    this.#config.save?.(left)
    this.#stop.abort()
    this.#cancelTimer?.()
    this.#queue = []
    this.#inFlight = []
    this.#unload = []
    for (const waiter of this.#waiters.splice(0)) waiter.resolve()
    return left
  }

  /**
   * Page is being hidden: sends what fits in one `keepalive` request (64 KB).
   * The rest, and these events until acknowledged, stay persisted.
   */
  sendOnHide(): void {
    if (this.closed || this.#unload.length > 0 || this.#queue.length === 0) return
    const count = takeCount(this.#queue, { maxEvents: LIMITS.batchEvents, maxBytes: KEEPALIVE_BYTES })
    if (batchBytes(this.#queue.slice(0, count)) > KEEPALIVE_BYTES) return
    const batch = this.#queue.splice(0, count)
    this.#unload = batch
    void this.#sendOnce(batch)
  }

  async #sendOnce(batch: Entry[]): Promise<void> {
    const result = await this.#post(batch, true)
    if (result.kind === 'ok') this.#reportRejected(batch, result)
    // Any failure: back to the head of the queue, for the ordinary retry path.
    else if (!this.closed) this.#queue.unshift(...batch)
    this.#unload = []
    this.#changed()
    this.#settle()
    this.#armTimer()
  }

  /** Forgets the queued events (another tab adopted them); a batch already in flight finishes. */
  discardQueued(): void {
    this.#queue = []
    this.#settle()
  }

  /** Sends all persisted state right away (page hide), instead of at the end of the tick. */
  saveNow(): void {
    this.#config.save?.(this.pending)
  }

  #changed(): void {
    if (!this.#config.save || this.#saveScheduled) return
    this.#saveScheduled = true
    queueMicrotask(() => {
      this.#saveScheduled = false
      if (!this.closed) this.saveNow()
    })
  }

  #armTimer(): void {
    if (this.#cancelTimer || this.#queue.length === 0 || this.closed) return
    this.#cancelTimer = startTimer(() => {
      this.#cancelTimer = undefined
      this.#kick()
    }, this.#config.flushInterval)
  }

  /** Starts the drain loop unless it runs already: never two sends of the same events. */
  #kick(): void {
    if (this.#running || this.closed) return
    this.#cancelTimer?.()
    this.#cancelTimer = undefined
    this.#running = this.#drain().finally(() => {
      this.#running = undefined
      if (this.#queue.length > 0 && (this.#waiters.length > 0 || this.#queue.length >= this.#config.flushAt)) this.#kick()
      else this.#armTimer()
    })
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0 && !this.closed) {
      const count = takeCount(this.#queue, { maxEvents: LIMITS.batchEvents, maxBytes: LIMITS.batchBytes })
      this.#inFlight = this.#queue.splice(0, count)
      await this.#deliver(this.#inFlight.slice())
    }
  }

  async #deliver(batch: Entry[]): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      const result = await this.#post(batch, false)
      const decision = decide(result, attempt, this.#config.retry, this.#config.random)
      switch (decision.kind) {
        case 'done':
          if (result.kind === 'ok') this.#reportRejected(batch, result)
          return this.#done(batch)
        case 'split':
          if (batch.length > 1) {
            const half = Math.ceil(batch.length / 2)
            await this.#deliver(batch.slice(0, half))
            return this.#deliver(batch.slice(half))
          }
          return this.#giveUp(batch, result)
        case 'drop':
          return this.#giveUp(batch, result)
        case 'retry':
          await sleep(decision.delayMs, this.#stop.signal)
      }
    }
  }

  #post(batch: readonly Entry[], keepalive: boolean): Promise<SendResult> {
    const { url, apiKey, fetch, timeout } = this.#config
    return postBatch(batchBody(batch), { url, apiKey, fetch, timeout, keepalive, signal: this.#stop.signal })
  }

  #reportRejected(batch: readonly Entry[], result: Extract<SendResult, { kind: 'ok' }>): void {
    for (const rejected of result.rejected) {
      const entry = batch[rejected.index]
      this.#config.report(
        new ValidationError(rejected.code as ValidationError['code'], rejected.message, {
          issues: rejected.issues ?? [],
          eventType: entry?.type ?? 'unknown',
          eventId: entry?.id,
          source: 'server',
        }),
      )
    }
  }

  #giveUp(batch: readonly Entry[], result: SendResult): void {
    const cause = result.kind === 'ok' ? undefined : result.error
    const ids = batch.map((entry) => entry.id)
    this.#config.report(new DeliveryError(`Dropped ${batch.length} event(s): ${cause?.message}`, ids, cause))
    this.#done(batch)
  }

  /** The batch (a prefix of the in-flight one: halves settle in order) is finished. */
  #done(batch: readonly Entry[]): void {
    this.#inFlight.splice(0, batch.length)
    this.#changed()
    this.#settle()
  }

  #isSettled(target: number): boolean {
    const heads = [this.#unload[0], this.#inFlight[0], this.#queue[0]]
    const lowest = Math.min(...heads.map((entry) => entry?.seq ?? Number.POSITIVE_INFINITY))
    return lowest > target
  }

  #settle(): void {
    this.#waiters = this.#waiters.filter((waiter) => {
      if (!this.#isSettled(waiter.target)) return true
      waiter.resolve()
      return false
    })
  }
}
