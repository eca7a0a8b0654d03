import type { AppRouter } from '@rapport/server'
import { createTRPCClient, httpLink, TRPCClientError, type TRPCClient } from '@trpc/client'
import { APIError, ConnectionError, type Issue, RapportError } from '../errors.js'
import { parseRetryAfter } from './retry-policy.js'
import { startTimer } from './timers.js'
import type { FetchLike } from './transport.js'

/** The typed tRPC client of the server's router; stays internal (its types never reach the public API). */
export type ReadClient = TRPCClient<AppRouter>

export function createReadClient(init: { host: string; apiKey: string; fetch: FetchLike }): ReadClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${init.host}/trpc`,
        headers: { Authorization: `Bearer ${init.apiKey}` },
        // tRPC's fetch type is wider than the subset we document; the global fetch fits both.
        fetch: init.fetch as unknown as NonNullable<Parameters<typeof httpLink>[0]['fetch']>,
      }),
    ],
  })
}

interface ErrorData {
  appCode?: string
  httpStatus?: number
  issues?: Issue[]
}

/** A tRPC failure as one of our errors: `APIError` when the server answered, `ConnectionError` when it did not. */
export function toRapportError(error: unknown, timedOut: boolean): RapportError {
  if (timedOut) return new ConnectionError('timeout', 'No answer in time', { cause: error })
  if (!(error instanceof TRPCClientError)) return new RapportError('http_error', 'The request failed', { cause: error })
  const data = (error.data ?? undefined) as ErrorData | undefined
  const response = (error.meta as { response?: { status?: number; headers?: { get(name: string): string | null } } } | undefined)?.response
  const status = data?.httpStatus ?? response?.status
  if (status === undefined) return new ConnectionError('connection_error', 'The request failed before an answer arrived', { cause: error })
  return new APIError((data?.appCode as APIError['code'] | undefined) ?? 'http_error', error.message, {
    status,
    requestId: response?.headers?.get('x-request-id') ?? undefined,
    issues: data?.issues ?? [],
    retryAfterMs: parseRetryAfter(response?.headers?.get('retry-after')),
    cause: error,
  })
}

/** Runs one call with a timeout, turning every failure into a `RapportError`. */
export async function call<T>(timeout: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  let timedOut = false
  const cancel = startTimer(() => {
    timedOut = true
    controller.abort()
  }, timeout)
  try {
    return await run(controller.signal)
  } catch (error) {
    throw toRapportError(error, timedOut)
  } finally {
    cancel()
  }
}
