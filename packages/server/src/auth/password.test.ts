import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './password.js'

describe('passwords', () => {
  it('hash with a fresh salt and verify only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')])
    expect(a).not.toBe(b)
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(await verifyPassword('correct horse', a)).toBe(true)
    expect(await verifyPassword('correct horsf', a)).toBe(false)
    expect(await verifyPassword('correct horse', 'plain-text')).toBe(false)
  })
})
