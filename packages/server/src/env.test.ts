import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDir, EnvError, parseEnv, sessionSecret } from './env.js'

describe('parseEnv', () => {
  it('has defaults for everything', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', RAPPORT_RATE_LIMIT_PER_SECOND: 100 })
    expect(env.DATABASE_URL).toBeUndefined()
  })

  it('names each wrong variable and what it expects', () => {
    expect(() => parseEnv({ PORT: '70000', RAPPORT_SESSION_SECRET: 'short', RAPPORT_LOG_LEVEL: 'loud' })).toThrow(EnvError)
    try {
      parseEnv({ PORT: '70000', RAPPORT_SESSION_SECRET: 'short' })
    } catch (error) {
      expect(String(error)).toContain('PORT="70000"')
      expect(String(error)).toContain('RAPPORT_SESSION_SECRET="short": must be at least 32 characters')
    }
  })

  it('keeps a generated session secret in the data dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-env-'))
    try {
      const env = parseEnv({ RAPPORT_DATA_DIR: dir })
      expect(dataDir(env)).toBe(dir)
      const secret = sessionSecret(env, dir)
      expect(secret.length).toBeGreaterThanOrEqual(32)
      expect(sessionSecret(env, dir)).toBe(secret)
      expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(secret)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('puts the data dir where npm start was run', () => {
    expect(dataDir(parseEnv({}), { INIT_CWD: '/srv/app' })).toBe('/srv/app/.rapport')
  })
})
