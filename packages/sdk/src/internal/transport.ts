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
export function parseJson(text: string): unknown {
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

/** The fields of an error answer, in either of the server's two shapes. */
interface ErrorFields {
  message?: string
  code?: unknown
  issues?: Issue[]
  /** tRPC's shape puts our `code` (as `appCode`) and the `issues` under `data`. */
  data?: { appCode?: string; issues?: Issue[] }
  appCode?: string
}

/**
 * Turns an error answer into an APIError: the HTTP API's `{ error: { code, message, issues } }`
 * or tRPC's `{ error: { message, code: -32004, data: { appCode, issues } } }`.
 */
export function apiErrorFrom(status: number, text: string, headers: { get(name: string): string | null }): APIError {
  const error = (parseJson(text) as { error?: ErrorFields } | undefined)?.error
  const fields: ErrorFields = { ...error, ...error?.data }
  const code = fields.appCode ?? fields.code
  return new APIError(typeof code === 'string' ? (code as APIError['code']) : 'http_error', error?.message ?? `HTTP ${status}`, {
    status,
    requestId: headers.get('x-request-id') ?? undefined,
    issues: Array.isArray(fields.issues) ? fields.issues : [],
    retryAfterMs: parseRetryAfter(headers.get('retry-after')),
  })
}

/** An answer from the server, whatever its status. */
export interface Answer {
  status: number
  headers: { get(name: string): string | null }
  text: string
}

/**
 * Sends one request: a `GET`, or a `POST` of `body` as JSON. Never throws: an
 * answer of any status, or a `ConnectionError` when none came (in time).
 */
export async function request(url: string, body: string | undefined, options: RequestOptions): Promise<Answer | ConnectionError> {
  const controller = new AbortController()
  let timedOut = false
  const cancel = startTimer(() => {
    timedOut = true
    controller.abort()
  }, options.timeout)
  const abort = () => controller.abort()
  options.signal?.addEventListener('abort', abort)
  try {
    const headers: Record<string, string> = { Authorization: `Bearer ${options.apiKey}` }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    // Called unbound: a browser's `fetch` throws when called as a method of another object.
    const send = options.fetch
    const response = await send(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      ...(body === undefined ? {} : { body }),
      signal: controller.signal,
      ...(options.keepalive ? { keepalive: true } : {}),
    })
    return { status: response.status, headers: response.headers, text: await response.text() }
  } catch (cause) {
    return new ConnectionError(timedOut ? 'timeout' : 'connection_error', timedOut ? 'Timed out' : 'Network error', { cause })
  } finally {
    cancel()
    options.signal?.removeEventListener('abort', abort)
  }
}

/** A 2xx status. */
export const isSuccess = (status: number): boolean => status >= 200 && status < 300

/** POSTs one batch; never throws: every ending is a `SendResult`. */
export async function postBatch(body: string, options: PostOptions): Promise<SendResult> {
  const answer = await request(options.url, body, options)
  if (answer instanceof ConnectionError) return { kind: 'network', error: answer }
  if (isSuccess(answer.status)) return { kind: 'ok', rejected: readRejected(parseJson(answer.text)) }
  const error = apiErrorFrom(answer.status, answer.text, answer.headers)
  return { kind: 'status', status: answer.status, retryAfterMs: error.retryAfterMs, error }
}
