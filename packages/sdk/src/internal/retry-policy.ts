/** How a batch request ended, as far as retrying is concerned. */
export type SendOutcome =
  | { kind: 'ok' }
  | { kind: 'network' }
  | { kind: 'status'; status: number; retryAfterMs?: number | undefined }

/** What to do next with a batch. */
export type RetryDecision = { kind: 'done' } | { kind: 'retry'; delayMs: number } | { kind: 'split' } | { kind: 'drop' }

export interface RetryPolicy {
  /** Retries after the first attempt before a batch is given up. */
  maxRetries: number
  /** First backoff ceiling, in ms. */
  baseMs: number
  /** Largest backoff ceiling, in ms. */
  capMs: number
  /** Longest `Retry-After` honoured, in ms (a hostile or broken proxy must not park the queue for days). */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 10, baseMs: 500, capMs: 30_000, maxRetryAfterMs: 10 * 60_000 }

/** Statuses worth retrying: timeouts, rate limiting and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

/**
 * Exponential backoff with full jitter: a uniform delay in
 * `[0, min(cap, base * 2^attempt))` for retry number `attempt` (from 0).
 */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * ceiling)
}

/** `Retry-After` in ms: delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  // NaN (unreadable) fails the comparison.
  return date >= 0 ? Math.max(0, date - now) : undefined
}

/**
 * The next step after `attempt` failed attempts (0 after the first):
 * 2xx done; 413 split (a one-event batch is dropped); network errors, 408,
 * 429 and 5xx retried with backoff (at least `Retry-After`) until
 * `maxRetries`; any other status dropped, since resending cannot fix it.
 */
export function decide(outcome: SendOutcome, attempt: number, policy: RetryPolicy, random: () => number = Math.random): RetryDecision {
  if (outcome.kind === 'ok') return { kind: 'done' }
  const { status, retryAfterMs } = outcome.kind === 'status' ? outcome : { status: 0, retryAfterMs: undefined }
  if (status === 413) return { kind: 'split' }
  if ((status && !isRetryableStatus(status)) || attempt >= policy.maxRetries) return { kind: 'drop' }
  const jittered = backoffDelay(attempt, policy, random)
  return { kind: 'retry', delayMs: retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterMs, policy.maxRetryAfterMs)) }
}
