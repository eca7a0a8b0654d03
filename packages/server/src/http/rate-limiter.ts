import { AppError } from '../errors.js'

export interface RateLimitDecision {
  allowed: boolean
  /** Whole seconds until a request would be allowed (0 when allowed). */
  retryAfterSeconds: number
}

interface Bucket {
  tokens: number
  updatedAt: number
}

/**
 * Token bucket per caller (an API key, an account or an address): `perSecond`
 * tokens refill continuously up to `burst`. Memory stays bounded: full buckets
 * are forgotten, and past `maxCallers` the oldest are dropped.
 */
export class RateLimiter {
  readonly #perSecond: number
  readonly #burst: number
  readonly #maxCallers: number
  readonly #buckets = new Map<string, Bucket>()

  constructor(options: { perSecond: number; burst: number; maxCallers?: number }) {
    this.#perSecond = options.perSecond
    this.#burst = options.burst
    this.#maxCallers = options.maxCallers ?? 100_000
  }

  take(caller: string, now: number = Date.now()): RateLimitDecision {
    if (this.#perSecond <= 0) return { allowed: true, retryAfterSeconds: 0 }
    const bucket = this.#buckets.get(caller) ?? { tokens: this.#burst, updatedAt: now }
    const refilled = Math.min(this.#burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.#perSecond)
    this.#buckets.delete(caller)
    if (refilled < 1) {
      this.#buckets.set(caller, { tokens: refilled, updatedAt: now })
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - refilled) / this.#perSecond)) }
    }
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.#buckets.set(caller, { tokens: refilled - 1, updatedAt: now })
    if (this.#buckets.size > this.#maxCallers) {
      const oldest = this.#buckets.keys().next()
      if (!oldest.done) this.#buckets.delete(oldest.value)
    }
    return { allowed: true, retryAfterSeconds: 0 }
  }

  get size(): number {
    return this.#buckets.size
  }
}

/** Takes a token for `caller` or throws `rate_limited` with the seconds to wait. */
export function enforceRateLimit(limiter: RateLimiter, caller: string): void {
  const decision = limiter.take(caller)
  if (!decision.allowed) {
    throw new AppError('rate_limited', 'Too many requests; retry later', { retryAfter: decision.retryAfterSeconds })
  }
}
