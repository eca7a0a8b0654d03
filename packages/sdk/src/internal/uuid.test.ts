import { afterEach, describe, expect, it, vi } from 'vitest'
import { randomUUID } from './uuid.js'

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('randomUUID', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('uses crypto.randomUUID when there is one', () => {
    expect(randomUUID()).toMatch(V4)
  })

  it('falls back to getRandomValues outside secure contexts, every digit random', () => {
    const { getRandomValues } = globalThis.crypto
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) })
    const ids = Array.from({ length: 500 }, () => randomUUID())
    for (const id of ids) expect(id).toMatch(V4)
    expect(new Set(ids).size).toBe(ids.length)
    // No position stuck at one value (a too-short random buffer would leave the tail at 0).
    for (let position = 0; position < 36; position++) {
      if ([8, 13, 14, 18, 23].includes(position)) continue
      expect(new Set(ids.map((id) => id[position])).size, `position ${position}`).toBeGreaterThan(1)
    }
  })
})
