import { pino, type Logger } from 'pino'
import type { Env } from './env.js'

export type { Logger }

/** Paths pino blanks out wherever they appear, so keys, tokens and passwords never reach a log. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.key',
  '*.apiKey',
  '*.secretKey',
  '*.publishableKey',
]

export function createLogger(level: Env['RAPPORT_LOG_LEVEL'], destination?: pino.DestinationStream): Logger {
  const options = { level, base: { service: 'rapport' }, redact: { paths: REDACT, censor: '[redacted]' } }
  return destination ? pino(options, destination) : pino(options)
}
