import { describe, expect, it } from 'vitest'
import { generateApiKey, hashApiKey, parseApiKey } from './api-key.js'

describe('API keys', () => {
  const projectId = '9515704c-f19e-4998-bc26-c7a26d62fc05'

  it('embeds kind and project, and parses back', () => {
    const generated = generateApiKey('secret', projectId)
    expect(generated.key).toMatch(/^rk_sec_[0-9A-Za-z]{32}9515704cf19e4998bc26c7a26d62fc05$/)
    expect(generated.prefix).toBe(`${generated.key.slice(0, 14)}…`)
    expect(parseApiKey(generated.key)).toEqual({ kind: 'secret', projectId, hash: hashApiKey(generated.key) })
    expect(parseApiKey(generateApiKey('publishable', projectId).key)?.kind).toBe('publishable')
  })

  it('never repeats and refuses malformed keys', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateApiKey('secret', projectId).key))
    expect(keys.size).toBe(1000)
    expect(parseApiKey('rk_sec_short')).toBeNull()
    expect(parseApiKey(`rk_xxx_${'A'.repeat(32)}${'0'.repeat(32)}`)).toBeNull()
  })
})
