import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value))

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection URL; without it the server runs on embedded PGlite. */
  DATABASE_URL: optionalNonEmpty.pipe(
    z.union([z.undefined(), z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// or postgresql:// URL' })]),
  ),
  /** Where PGlite keeps its files and where a generated session secret is kept. */
  RAPPORT_DATA_DIR: optionalNonEmpty,
  /** Signs session tokens; at least 32 characters. Generated and kept in the data dir when absent. */
  RAPPORT_SESSION_SECRET: optionalNonEmpty.pipe(z.union([z.undefined(), z.string().min(32, 'must be at least 32 characters')])),
  RAPPORT_SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 365).default(24 * 14),
  /** Requests per second each API key (or each client address without a key) may make; 0 turns limiting off. */
  RAPPORT_RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(100),
  /** How many requests above the steady rate a key may send at once. */
  RAPPORT_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(500),
  RAPPORT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Milliseconds in-flight requests get to finish on SIGTERM. */
  RAPPORT_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * Milliseconds of quiet after a project's last batch before its analytics are brought up to date
   * in the background (otherwise the next read does it); 0 leaves it to reads.
   */
  RAPPORT_REFRESH_QUIET_MS: z.coerce.number().int().min(0).default(3_000),
  /** While a project ingests without pause, its customer totals are still folded in at least this often (ms); 0 never. */
  RAPPORT_REFRESH_MAX_WAIT_MS: z.coerce.number().int().min(0).default(30_000),
  /** Trust X-Forwarded-* headers (set behind a reverse proxy). */
  RAPPORT_TRUST_PROXY: z.stringbool().default(false),
  /** Turns on the OpenAI engine of the assistant; without it `insights.summary` and `insights.ask` answer from templates. */
  OPENAI_API_KEY: optionalNonEmpty,
  /** Any OpenAI-compatible server (a self-hosted model, a proxy); default: OpenAI's own API. */
  OPENAI_BASE_URL: optionalNonEmpty.pipe(z.union([z.undefined(), z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })])),
  /** The chat model: it needs tool calling and JSON-schema structured output. */
  OPENAI_MODEL: optionalNonEmpty.transform((value) => value ?? 'gpt-4o-mini'),
  /** Milliseconds one model request may take before it is retried (twice) and then given up. */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1).default(30_000),
  /** Tokens (prompt + completion) each project may spend on the model per UTC day. */
  RAPPORT_AI_DAILY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(200_000),
})

export type Env = z.output<typeof envSchema>

export class EnvError extends Error {
  override name = 'EnvError'
}

/**
 * Parses the environment once, at start-up. Nothing else in the server reads
 * `process.env`: configuration flows from here as a typed object.
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source)
  if (result.success) return result.data
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.')
    return `  ${name}=${JSON.stringify(source[name] ?? '')}: ${issue.message}`
  })
  throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`)
}

/** The data dir: RAPPORT_DATA_DIR, or `.rapport` in the directory `npm start` was run from. */
export function dataDir(env: Env, source: Record<string, string | undefined> = process.env): string {
  return resolve(env.RAPPORT_DATA_DIR ?? join(source.INIT_CWD ?? process.cwd(), '.rapport'))
}

/** The configured session secret, or one generated on first start and kept in the data dir. */
export function sessionSecret(env: Env, directory: string): string {
  if (env.RAPPORT_SESSION_SECRET) return env.RAPPORT_SESSION_SECRET
  const file = join(directory, 'session-secret')
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(directory, { recursive: true })
    const secret = randomBytes(48).toString('base64url')
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
    return secret
  }
}
