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

  it('reads the assistant’s model settings: off without a key, a small default model, a checked base URL', () => {
    const defaults = parseEnv({})
    expect(defaults.OPENAI_API_KEY).toBeUndefined()
    expect(defaults).toMatchObject({ OPENAI_MODEL: 'gpt-4o-mini', OPENAI_TIMEOUT_MS: 30_000, RAPPORT_AI_DAILY_TOKEN_BUDGET: 200_000 })
    const local = parseEnv({ OPENAI_API_KEY: 'sk-local', OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'qwen2.5:7b', RAPPORT_AI_DAILY_TOKEN_BUDGET: '5000' })
    expect(local).toMatchObject({ OPENAI_API_KEY: 'sk-local', OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'qwen2.5:7b', RAPPORT_AI_DAILY_TOKEN_BUDGET: 5000 })
    expect(() => parseEnv({ OPENAI_BASE_URL: 'ftp://models.example' })).toThrow('OPENAI_BASE_URL="ftp://models.example": must be an http:// or https:// URL')
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
