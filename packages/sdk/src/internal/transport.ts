import { APIError, ConnectionError, type Issue } from '../errors.js'
import { parseRetryAfter } from './retry-policy.js'
import { startTimer } from './timers.js'

/** The subset of `fetch` the SDK uses; the global `fetch` fits it. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal; keepalive?: boolean },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>

/** The per-event verdicts of a batch answer that the SDK acts on. */
export interface RejectedEntry {
  index: number
  code: string
  message: string
  issues: Issue[]
}

export type SendResult =
  | { kind: 'ok'; rejected: RejectedEntry[] }
  | { kind: 'network'; error: ConnectionError }
  | { kind: 'status'; status: number; retryAfterMs: number | undefined; error: APIError }

export interface PostOptions {
  url: string
  apiKey: string
  fetch: FetchLike
  /** Milliseconds before the request is aborted. */
  timeout: number
  keepalive?: boolean
  /** Aborts the request (shutdown). */
  signal?: AbortSignal
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function readRejected(body: unknown): RejectedEntry[] {
  const rejected = (body as { rejected?: unknown } | undefined)?.rejected
  return Array.isArray(rejected) ? (rejected as RejectedEntry[]) : []
}

/** Turns an error answer (`{ error: { code, message, issues } }`) into an APIError. */
export function apiErrorFrom(status: number, text: string, headers: { get(name: string): string | null }): APIError {
  const error = (parseJson(text) as { error?: { code?: string; message?: string; issues?: Issue[] } } | undefined)?.error
  return new APIError((error?.code as APIError['code'] | undefined) ?? 'http_error', error?.message ?? `HTTP ${status}`, {
    status,
    requestId: headers.get('x-request-id') ?? undefined,
    issues: Array.isArray(error?.issues) ? error.issues : [],
    retryAfterMs: parseRetryAfter(headers.get('retry-after')),
  })
}

/** POSTs one JSON body; never throws: every ending is a `SendResult`. */
export async function postBatch(body: string, options: PostOptions): Promise<SendResult> {
  const controller = new AbortController()
  let timedOut = false
  const cancel = startTimer(() => {
    timedOut = true
    controller.abort()
  }, options.timeout)
  const abort = () => controller.abort()
  options.signal?.addEventListener('abort', abort)
  try {
    // Called unbound: a browser's `fetch` throws when called as a method of another object.
    const send = options.fetch
    const response = await send(options.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.apiKey}` },
      body,
      signal: controller.signal,
      ...(options.keepalive ? { keepalive: true } : {}),
    })
    const text = await response.text()
    if (response.status >= 200 && response.status < 300) return { kind: 'ok', rejected: readRejected(parseJson(text)) }
    const error = apiErrorFrom(response.status, text, response.headers)
    return { kind: 'status', status: response.status, retryAfterMs: error.retryAfterMs, error }
  } catch (cause) {
    const error = new ConnectionError(timedOut ? 'timeout' : 'connection_error', timedOut ? 'Timed out' : 'Network error', { cause })
    return { kind: 'network', error }
  } finally {
    cancel()
    options.signal?.removeEventListener('abort', abort)
  }
}
