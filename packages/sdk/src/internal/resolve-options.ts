import { RapportError } from '../errors.js'
import type { CRMOptions } from '../options.js'
import type { StorageLike } from './queue-store.js'
import type { FetchLike } from './transport.js'

/** Every option with its default applied, checked once. */
export interface ResolvedOptions {
  apiKey: string
  host: string
  flushAt: number
  flushInterval: number
  maxQueueSize: number
  maxRetries: number
  timeout: number
  storage: StorageLike | undefined
  maxStorageBytes: number
  fetch: FetchLike
  report: (error: RapportError) => void
  disabled: boolean
  browser: boolean
}

/** True in a page (not in Node, SSR or a worker): read at `createCRM` time, never at import. */
export function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined'
}

function defaultStorage(): StorageLike | undefined {
  try {
    // Reading `localStorage` throws in some privacy modes and sandboxed iframes.
    return globalThis.localStorage ?? undefined
  } catch {
    return undefined
  }
}

export function resolveOptions(options: CRMOptions): ResolvedOptions {
  const { onError, debug = false } = options
  const report = (error: RapportError) => {
    try {
      onError?.(error)
    } catch {
      // The app's handler must not break the SDK either.
    }
    if (debug) console.warn('[rapport]', error)
  }
  const problem = (message: string) => report(new RapportError('invalid_options', message))
  // Out of range or not a number: the default, and a report naming the option.
  const number = (name: keyof CRMOptions, fallback: number, min: number, max = 2 ** 31 - 1): number => {
    const value = options[name]
    if (typeof value === 'number' && value >= min && value <= max) return Math.floor(value)
    if (value !== undefined) problem(`Bad ${name}`)
    return fallback
  }
  const browser = isBrowser()
  const apiKey = typeof options.apiKey === 'string' ? options.apiKey.trim() : ''
  if (!apiKey && !options.disabled) problem('No apiKey: nothing is sent')
  return {
    apiKey,
    host: (options.host ?? 'http://localhost:3000').replace(/\/+$/, ''),
    flushAt: number('flushAt', 20, 1, 500),
    flushInterval: number('flushInterval', browser ? 5_000 : 10_000, 1),
    maxQueueSize: number('maxQueueSize', 10_000, 1),
    maxRetries: number('maxRetries', 10, 0, 1_000),
    timeout: number('timeout', 10_000, 1),
    storage: options.storage === false ? undefined : (options.storage ?? (browser ? defaultStorage() : undefined)),
    maxStorageBytes: number('maxStorageBytes', 1_000_000, 0),
    // Looked up at each call (never bound to our objects: browsers refuse a `fetch` called on another `this`).
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    report,
    disabled: options.disabled === true || !apiKey,
    browser,
  }
}
