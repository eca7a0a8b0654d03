import type { RapportError } from './errors.js'
import type { FetchLike } from './internal/transport.js'
import type { StorageLike } from './internal/queue-store.js'

export type { FetchLike, StorageLike }

/**
 * Options of `createCRM` and `createIngestClient`. Only `apiKey` is needed.
 *
 * @example
 * createCRM({ apiKey: process.env.RAPPORT_KEY, host: 'https://crm.example.com', onError: (error) => log.warn(error) })
 */
export interface CRMOptions {
  /**
   * The project's API key: `rk_pub_…` in browsers (can only send events) or
   * `rk_sec_…` on servers (can also read customers). Without one, nothing is sent
   * and an `invalid_options` error is reported.
   */
  apiKey?: string | undefined
  /**
   * Where the Rapport server is: any URL prefix, e.g. a proxy path on your own
   * domain (`https://shop.example.com/crm`). Events go to `{host}/v1/batch`.
   * @default 'http://localhost:3000'
   */
  host?: string | undefined
  /**
   * Send as soon as this many events are queued (at most 500 go in one request).
   * @default 20
   */
  flushAt?: number | undefined
  /**
   * Milliseconds after the first queued event before the queue is sent anyway.
   * @default 10_000 in Node, 5_000 in browsers
   */
  flushInterval?: number | undefined
  /**
   * Most events kept waiting; past it the oldest are dropped (and reported as a `QueueOverflowError`).
   * @default 10_000
   */
  maxQueueSize?: number | undefined
  /**
   * Retries of a batch after network errors, 408, 429 and 5xx (exponential backoff
   * with jitter, honouring `Retry-After`) before it is dropped and reported.
   * @default 10
   */
  maxRetries?: number | undefined
  /**
   * Milliseconds one request may take before it is aborted (and retried).
   * @default 10_000
   */
  timeout?: number | undefined
  /**
   * Where the queue is persisted between page loads; `false` keeps it in memory only.
   * @default localStorage in browsers, nothing in Node
   */
  storage?: StorageLike | false | undefined
  /**
   * Most characters of queue kept in `storage` (the newest events are kept).
   * @default 1_000_000
   */
  maxStorageBytes?: number | undefined
  /**
   * The `fetch` to use (tests, proxies, custom agents).
   * @default globalThis.fetch
   */
  fetch?: FetchLike | undefined
  /**
   * Called with every problem: invalid input, events refused by the server,
   * batches given up, queue overflow. The SDK never throws from `identify`,
   * `purchase` or `track`.
   * @default undefined (problems are silent unless `debug`)
   */
  onError?: ((error: RapportError) => void) | undefined
  /**
   * Also log every problem with `console.warn`.
   * @default false
   */
  debug?: boolean | undefined
  /**
   * Validate events but send nothing (tests, local development).
   * @default false
   */
  disabled?: boolean | undefined
}

/** Options of `shutdown`. */
export interface ShutdownOptions {
  /**
   * Milliseconds to wait for the last events to be delivered; never less than one request's `timeout`.
   * @default 10_000
   */
  timeout?: number | undefined
}
