import { describe, expect, it } from 'vitest'
import { RateLimiter } from './rate-limiter.js'

describe('RateLimiter', () => {
  it('allows a burst, then refills at the steady rate and says when to retry', () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 })
    const results = [0, 0, 0, 0].map(() => limiter.take('k', 1000))
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false])
    expect(results[3]?.retryAfterSeconds).toBe(1)
    expect(limiter.take('k', 1400).allowed).toBe(false)
    expect(limiter.take('k', 1500).allowed).toBe(true)
    expect(limiter.take('other', 1500).allowed).toBe(true)
  })

  it('is off at 0 per second and forgets the oldest callers past its bound', () => {
    expect(new RateLimiter({ perSecond: 0, burst: 1 }).take('k').allowed).toBe(true)
    const limiter = new RateLimiter({ perSecond: 1, burst: 1, maxCallers: 2 })
    for (const caller of ['a', 'b', 'c']) limiter.take(caller, 0)
    expect(limiter.size).toBe(2)
  })
})
