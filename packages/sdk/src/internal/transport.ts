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

/** How to send a request. */
export interface RequestOptions {
  apiKey: string
  fetch: FetchLike
  /** Milliseconds before the request is aborted. */
  timeout: number
  keepalive?: boolean
  /** Aborts the request (shutdown). */
  signal?: AbortSignal
}

export interface PostOptions extends RequestOptions {
  url: string
}

/** `JSON.parse`, or `undefined` for text that is not JSON. */
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

/** Turns an error answer (`{ error: { code, message, issues } }`, parsed) into an APIError. */
export function apiErrorFrom(status: number, body: unknown, headers: { get(name: string): string | null }): APIError {
  const error = (body as { error?: { code?: string; message?: string; issues?: Issue[] } } | undefined)?.error
  return new APIError((error?.code as APIError['code'] | undefined) ?? 'http_error', error?.message ?? `HTTP ${status}`, {
    status,
    requestId: headers.get('x-request-id') ?? undefined,
    issues: Array.isArray(error?.issues) ? error.issues : [],
    retryAfterMs: parseRetryAfter(headers.get('retry-after')),
  })
}

/** An answer from the server, whatever its status. */
export interface Answer {
  status: number
  headers: { get(name: string): string | null }
  text: string
}

/** A `GET`, or a `POST` of a JSON body. */
export type RequestInit = { method: 'GET' } | { method: 'POST'; body: string }

/**
 * Sends one request. Never throws: an answer of any status, or a
 * `ConnectionError` when none came (in time).
 */
export async function request(url: string, init: RequestInit, options: RequestOptions): Promise<Answer | ConnectionError> {
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
    const response = await send(url, {
      ...init,
      // Harmless on a GET (tRPC reads its input from the URL then), and one object less.
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.apiKey}` },
      signal: controller.signal,
      keepalive: options.keepalive === true,
    })
    return { status: response.status, headers: response.headers, text: await response.text() }
  } catch (cause) {
    return new ConnectionError(timedOut ? 'timeout' : 'connection_error', timedOut ? 'Timed out' : 'Network error', { cause })
  } finally {
    cancel()
    options.signal?.removeEventListener('abort', abort)
  }
}

/** POSTs one batch; never throws: every ending is a `SendResult`. */
export async function postBatch(body: string, options: PostOptions): Promise<SendResult> {
  const answer = await request(options.url, { method: 'POST', body }, options)
  // No answer: a ConnectionError (it has a `code`, an answer has none).
  if ('code' in answer) return { kind: 'network', error: answer }
  if (answer.status >= 200 && answer.status < 300) return { kind: 'ok', rejected: readRejected(parseJson(answer.text)) }
  const error = apiErrorFrom(answer.status, parseJson(answer.text), answer.headers)
  return { kind: 'status', status: answer.status, retryAfterMs: error.retryAfterMs, error }
}
