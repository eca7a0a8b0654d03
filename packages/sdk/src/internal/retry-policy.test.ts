import { describe, expect, it } from 'vitest'
import { backoffDelay, DEFAULT_RETRY_POLICY, decide, parseRetryAfter } from './retry-policy.js'

const policy = DEFAULT_RETRY_POLICY

describe('backoffDelay', () => {
  it('doubles the ceiling from 500 ms up to the 30 s cap', () => {
    const ceilings = Array.from({ length: 10 }, (_, attempt) => backoffDelay(attempt, policy, () => 0.999999) + 1)
    expect(ceilings).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000])
  })

  it('draws a full jitter in [0, ceiling)', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(30_000, 500 * 2 ** attempt)
      expect(backoffDelay(attempt, policy, () => 0)).toBe(0)
      for (let i = 0; i < 50; i++) {
        const delay = backoffDelay(attempt, policy)
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThan(ceiling)
      }
    }
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3_000)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.UTC(2015, 9, 21, 7, 28, 0))).toBe(10_000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter(null)).toBeUndefined()
  })
})

describe('decide', () => {
  const half = () => 0.5
  it('retries network errors, 408, 429 and 5xx', () => {
    for (const outcome of [{ kind: 'network' as const }, ...[408, 429, 500, 502, 503].map((status) => ({ kind: 'status' as const, status }))]) {
      expect(decide(outcome, 0, policy, half)).toEqual({ kind: 'retry', delayMs: 250 })
    }
  })

  it('waits at least Retry-After, within a bound', () => {
    expect(decide({ kind: 'status', status: 429, retryAfterMs: 7_000 }, 0, policy, half)).toEqual({ kind: 'retry', delayMs: 7_000 })
    expect(decide({ kind: 'status', status: 503, retryAfterMs: 86_400_000 }, 0, policy, half)).toEqual({ kind: 'retry', delayMs: policy.maxRetryAfterMs })
  })

  it('splits on 413, drops other 4xx, drops after maxRetries', () => {
    expect(decide({ kind: 'status', status: 413 }, 0, policy)).toEqual({ kind: 'split' })
    for (const status of [400, 401, 403, 404, 409, 415, 422]) expect(decide({ kind: 'status', status }, 0, policy)).toEqual({ kind: 'drop' })
    expect(decide({ kind: 'network' }, policy.maxRetries, policy)).toEqual({ kind: 'drop' })
    expect(decide({ kind: 'ok' }, 3, policy)).toEqual({ kind: 'done' })
  })
})
