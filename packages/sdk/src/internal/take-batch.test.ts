import { describe, expect, it } from 'vitest'
import { batchBody, takeCount } from './take-batch.js'
import { utf8Length } from './utf8-length.js'

const events = (...sizes: number[]) => sizes.map((bytes) => ({ bytes }))

describe('takeCount', () => {
  it('takes up to the 500 events a batch may hold', () => {
    expect(takeCount(events(...Array(501).fill(1)), 1_000_000)).toBe(500)
  })

  it('stops before the body would pass maxBytes, counting envelope and commas', () => {
    // Envelope 13 bytes + 10 + 1 + 10 = 34; a third event would make 45.
    expect(takeCount(events(10, 10, 10), 44)).toBe(2)
    expect(takeCount(events(10, 10, 10), 45)).toBe(3)
  })

  it('always takes at least one event', () => {
    expect(takeCount(events(100), 10)).toBe(1)
    expect(takeCount([], 10)).toBe(0)
  })

  it('measures exactly what batchBody writes', () => {
    const jsons = ['{"a":"é"}', '{"b":"😀"}', '{}'].map((json) => ({ json, bytes: utf8Length(json) }))
    const body = new TextEncoder().encode(batchBody(jsons)).length
    expect(takeCount(jsons, body)).toBe(3)
    expect(takeCount(jsons, body - 1)).toBe(2)
  })
})

describe('utf8Length', () => {
  it('agrees with TextEncoder on JSON text, escaped lone surrogates included', () => {
    for (const value of ['', 'abc', 'é', '€', '😀', 'a\uD800b', '\uDC00', 'x😀y€', { nested: ['日本語', '\uD83D'] }]) {
      const text = JSON.stringify(value)
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length)
    }
  })
})
