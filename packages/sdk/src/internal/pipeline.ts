import { DeliveryError, QueueOverflowError, type RapportError, ValidationError } from '../errors.js'
import { KEEPALIVE_BYTES, LIMITS } from './limits.js'
import { DEFAULT_RETRY_POLICY, decide } from './retry-policy.js'
import { batchBody, ENVELOPE_BYTES, takeCount } from './take-batch.js'
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

/** What the pipeline needs of the resolved options (`ResolvedOptions` fits). */
export interface PipelineConfig {
  host: string
  apiKey: string
  fetch: FetchLike
  timeout: number
  flushAt: number
  flushInterval: number
  maxQueueSize: number
  maxRetries: number
  report: (error: RapportError) => void
  /** Called (at most once per tick) with every undelivered event after a change, to persist them. */
  save?: ((entries: readonly Entry[]) => void) | undefined
}

/**
 * The delivery engine: a bounded FIFO queue, at most one batch in flight,
 * retries with backoff, 413 halving, and `flush()` promises that resolve when
 * every event queued before the call has been delivered or given up.
 */
export interface Pipeline {
  /** True once `close` has begun stopping: nothing is queued or sent any more. */
  readonly closed: boolean
  /** Queues one event already validated and serialized; drops the oldest past `maxQueueSize`. */
  enqueue(entry: Entry): void
  /** Queues events read back from storage, skipping ids already queued. */
  adopt(jsons: readonly string[]): void
  /** Resolves once every event queued so far is delivered or given up for good. */
  flush(): Promise<void>
  /**
   * Stops: waits up to `timeoutMs` for a flush, then aborts what is left.
   * Returns the events that were not delivered (still persisted, if storage is used).
   */
  close(timeoutMs: number): Promise<readonly Entry[]>
  /**
   * Page is being hidden: sends what fits in one `keepalive` request (64 KB).
   * The rest, and these events until acknowledged, stay persisted.
   */
  sendOnHide(): void
  /** Forgets the queued events (another tab adopted them); a batch already in flight finishes. */
  discardQueued(): void
  /** Sends all persisted state right away (page hide), instead of at the end of the tick. */
  saveNow(): void
}

// A closure rather than a class: its state minifies to one-letter names (the browser bundle's budget is 6 KB).
export function createPipeline(config: PipelineConfig): Pipeline {
  const { report, save, flushAt, maxQueueSize } = config
  const retry = { ...DEFAULT_RETRY_POLICY, maxRetries: config.maxRetries }
  let queue: Entry[] = []
  /** The batch being delivered (through all its retries). */
  let inFlight: Entry[] = []
  /** The batch sent with `keepalive` when the page was hidden. */
  let unload: Entry[] = []
  let seq = 0
  let running: Promise<void> | undefined
  let waiters: Array<{ target: number; resolve: () => void }> = []
  let cancelTimer: (() => void) | undefined
  const stop = new AbortController()
  let dropped = 0
  let saveScheduled = false

  const closed = () => stop.signal.aborted
  /** Every event not yet delivered, oldest first. */
  const pending = () => [...inFlight, ...unload, ...queue]
  const saveNow = () => save?.(pending())

  function push(entry: Entry): void {
    if (closed()) return
    entry.seq = ++seq
    queue.push(entry)
    if (queue.length > maxQueueSize) overflow(queue.length - maxQueueSize)
    changed()
    if (queue.length >= flushAt) kick()
    else armTimer()
  }

  function overflow(count: number): void {
    queue.splice(0, count)
    // One report per burst, not one per event.
    if (dropped === 0) {
      queueMicrotask(() => {
        const count = dropped
        dropped = 0
        report(new QueueOverflowError(count))
      })
    }
    dropped += count
    settle()
  }

  function flush(): Promise<void> {
    const target = seq
    if (isSettled(target) || closed()) return Promise.resolve()
    const done = new Promise<void>((resolve) => waiters.push({ target, resolve }))
    kick()
    return done
  }

  async function sendOnce(batch: Entry[]): Promise<void> {
    const result = await post(batch, true)
    if (result.kind === 'ok') reportRejected(batch, result)
    // Any failure: back to the head of the queue, for the ordinary retry path.
    else if (!closed()) queue.unshift(...batch)
    unload = []
    changed()
    settle()
    armTimer()
  }

  function changed(): void {
    if (!save || saveScheduled) return
    saveScheduled = true
    queueMicrotask(() => {
      saveScheduled = false
      if (!closed()) saveNow()
    })
  }

  function armTimer(): void {
    if (cancelTimer || queue.length === 0 || closed()) return
    cancelTimer = startTimer(() => {
      cancelTimer = undefined
      kick()
    }, config.flushInterval)
  }

  /** Starts the drain loop unless it runs already: never two sends of the same events. */
  function kick(): void {
    if (running || closed()) return
    cancelTimer?.()
    cancelTimer = undefined
    running = drain().finally(() => {
      running = undefined
      if (queue.length > 0 && (waiters.length > 0 || queue.length >= flushAt)) kick()
      else armTimer()
    })
  }

  async function drain(): Promise<void> {
    while (queue.length > 0 && !closed()) {
      inFlight = queue.splice(0, takeCount(queue, LIMITS.batchBytes))
      await deliver(inFlight.slice())
    }
  }

  async function deliver(batch: Entry[]): Promise<void> {
    for (let attempt = 0; !closed(); attempt++) {
      const result = await post(batch, false)
      const decision = decide(result, attempt, retry)
      switch (decision.kind) {
        case 'done':
          if (result.kind === 'ok') reportRejected(batch, result)
          return done(batch)
        case 'split':
          if (batch.length > 1) {
            const half = Math.ceil(batch.length / 2)
            await deliver(batch.slice(0, half))
            return deliver(batch.slice(half))
          }
          return giveUp(batch, result)
        case 'drop':
          return giveUp(batch, result)
        case 'retry':
          await sleep(decision.delayMs, stop.signal)
      }
    }
  }

  const post = (batch: readonly Entry[], keepalive: boolean): Promise<SendResult> =>
    postBatch(batchBody(batch), { ...config, url: `${config.host}/v1/batch`, keepalive, signal: stop.signal })

  function reportRejected(batch: readonly Entry[], result: Extract<SendResult, { kind: 'ok' }>): void {
    for (const rejected of result.rejected) {
      const entry = batch[rejected.index]
      report(
        new ValidationError(rejected.code as ValidationError['code'], rejected.message, {
          issues: rejected.issues ?? [],
          eventType: entry?.type ?? 'unknown',
          eventId: entry?.id,
          source: 'server',
        }),
      )
    }
  }

  function giveUp(batch: readonly Entry[], result: SendResult): void {
    const cause = result.kind === 'ok' ? undefined : result.error
    report(
      new DeliveryError(
        `Dropped ${batch.length} event(s): ${cause?.message}`,
        batch.map((entry) => entry.id),
        cause,
      ),
    )
    done(batch)
  }

  /** The batch (a prefix of the in-flight one: halves settle in order) is finished. */
  function done(batch: readonly Entry[]): void {
    inFlight.splice(0, batch.length)
    changed()
    settle()
  }

  function isSettled(target: number): boolean {
    return [unload[0], inFlight[0], queue[0]].every((entry) => !entry || entry.seq > target)
  }

  function settle(): void {
    waiters = waiters.filter((waiter) => {
      if (!isSettled(waiter.target)) return true
      waiter.resolve()
      return false
    })
  }

  return {
    get closed() {
      return closed()
    },

    enqueue: push,

    adopt(jsons) {
      const known = new Set(pending().map((entry) => entry.id))
      for (const json of jsons) {
        const event = JSON.parse(json) as { eventId?: unknown; type?: unknown }
        const id = String(event.eventId)
        if (known.has(id)) continue
        known.add(id)
        push({ seq: 0, id, type: String(event.type), json, bytes: utf8Length(json) })
      }
    },

    flush,

    async close(timeoutMs) {
      if (closed()) return []
      let deadline: ReturnType<typeof setTimeout> | undefined
      // A plain (ref'd) timer on purpose: the app is awaiting shutdown, so the process should wait for it.
      await Promise.race([flush(), new Promise((resolve) => (deadline = setTimeout(resolve, timeoutMs)))])
      clearTimeout(deadline)
      const left = pending()
      save?.(left)
      stop.abort()
      cancelTimer?.()
      queue = []
      inFlight = []
      unload = []
      for (const waiter of waiters.splice(0)) waiter.resolve()
      return left
    },

    sendOnHide() {
      const head = queue[0]
      // Past the first event, takeCount keeps within the budget; the first must fit on its own.
      if (closed() || unload.length > 0 || !head || ENVELOPE_BYTES + head.bytes > KEEPALIVE_BYTES) return
      unload = queue.splice(0, takeCount(queue, KEEPALIVE_BYTES))
      void sendOnce(unload)
    },

    discardQueued() {
      queue = []
      settle()
    },

    saveNow,
  }
}
