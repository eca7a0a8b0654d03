import type { AppRouter } from '@rapport/server'
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import { ConnectionError, PermissionError, RapportError } from '../errors.js'
import { apiErrorFrom, isSuccess, parseJson, type RequestOptions, request } from './transport.js'

// Types only: the server's router gives each call its input and output types,
// and nothing of tRPC is bundled (these types never reach the public API).
type Inputs = inferRouterInputs<AppRouter>
type Outputs = inferRouterOutputs<AppRouter>
type Domain = 'customers' | 'insights'
type At<T extends Record<Domain, object>, P> = P extends `${infer D extends Domain}.${infer N}` ? (N extends keyof T[D] ? T[D][N] : never) : never

/** A procedure the SDK reads, by its tRPC path (`insights.report`). */
export type ReadPath = { [D in Domain]: `${D}.${keyof Inputs[D] & string}` }[Domain]
export type InputOf<P extends ReadPath> = At<Inputs, P>
export type OutputOf<P extends ReadPath> = At<Outputs, P>

/** Where and how to call: the resolved client options. */
export interface ReadTarget extends RequestOptions {
  host: string
}

/**
 * Calls one procedure over tRPC's HTTP protocol, as the server speaks it (no
 * transformer): a query is `GET /trpc/{path}?input={JSON}`, a mutation a `POST`
 * of the JSON input; the answer is `{ result: { data } }`, or an error answer
 * that becomes an `APIError`. No answer (in time) rejects with a `ConnectionError`.
 */
export async function callProcedure<P extends ReadPath>(target: ReadTarget, path: P, input: InputOf<P>, mutation: boolean): Promise<OutputOf<P>> {
  const json = JSON.stringify(input)
  const url = `${target.host}/trpc/${path}`
  const answer = await request(mutation ? url : `${url}?input=${encodeURIComponent(json)}`, mutation ? json : undefined, target)
  if (answer instanceof ConnectionError) throw answer
  const body = parseJson(answer.text) as { result?: { data: OutputOf<P> } } | undefined
  // A 2xx that is not a tRPC result (a proxy's page) is an answer too, but not one we can read.
  if (isSuccess(answer.status) && body?.result) return body.result.data
  throw apiErrorFrom(answer.status, answer.text, answer.headers)
}

/** Refuses, before any request, a call the key cannot make. */
function requireSecretKey(options: { disabled: boolean; apiKey: string }): void {
  if (options.disabled) throw new RapportError('disabled', 'The client is disabled (or has no apiKey): nothing is requested')
  if (!options.apiKey.startsWith('rk_sec_')) {
    throw new PermissionError('permission_denied', 'Reading data needs a secret key (rk_sec_…); publishable keys (rk_pub_…) can only send events')
  }
}

/** One read: checks the key, then calls the procedure. */
export function read<P extends ReadPath>(options: ReadTarget & { disabled: boolean }, path: P, input: InputOf<P>, mutation: boolean): Promise<OutputOf<P>> {
  requireSecretKey(options)
  return callProcedure(options, path, input, mutation)
}
