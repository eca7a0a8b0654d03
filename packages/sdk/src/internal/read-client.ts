import type { AppRouter } from '@rapport/server'
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import type { Issue, PermissionError, RapportError } from '../errors.js'
import type { apiErrorFrom, RequestOptions, request } from './transport.js'

// This module is loaded on the first read (see reader.ts) and imports nothing
// at run time: what it needs from the ingestion core comes in a `ReadKit`. A
// module shared with the core would make bundlers split a third chunk, which
// costs more than the read code itself.

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

/** The parts of the ingestion core the read code uses. */
export interface ReadKit {
  request: typeof request
  apiErrorFrom: typeof apiErrorFrom
  RapportError: typeof RapportError
  PermissionError: typeof PermissionError
}

/** Where and how to call: the resolved client options. */
export interface ReadTarget extends RequestOptions {
  host: string
  disabled: boolean
}

/**
 * One read. Refuses a call the key cannot make before any request, then calls
 * the procedure over tRPC's HTTP protocol as the server speaks it (no
 * transformer): a query is `GET /trpc/{path}?input={JSON}`, a mutation a `POST`
 * of the JSON input; the answer is `{ result: { data } }`, or an error answer
 * that becomes an `APIError`. No answer (in time) rejects with a `ConnectionError`.
 */
export async function read<P extends ReadPath>(kit: ReadKit, target: ReadTarget, path: P, input: InputOf<P>, mutation: boolean): Promise<OutputOf<P>> {
  if (target.disabled) throw new kit.RapportError('disabled', 'The client is disabled (or has no apiKey): nothing is requested')
  if (!target.apiKey.startsWith('rk_sec_')) {
    throw new kit.PermissionError('permission_denied', 'Reading data needs a secret key (rk_sec_…); publishable keys (rk_pub_…) can only send events')
  }
  const json = JSON.stringify(input)
  const url = `${target.host}/trpc/${path}`
  const answer = await kit.request(mutation ? url : `${url}?input=${encodeURIComponent(json)}`, mutation ? { method: 'POST', body: json } : { method: 'GET' }, target)
  // No answer: a ConnectionError (it has a `code`, an answer has none).
  if ('code' in answer) throw answer
  const body = parseJson(answer.text) as TrpcAnswer<OutputOf<P>> | undefined
  // A 2xx that is not a tRPC result (a proxy's page) is an answer too, but not one we can read.
  if (answer.status >= 200 && answer.status < 300 && body?.result) return body.result.data
  // tRPC puts our code (as `appCode`) and the field issues under `data`; an error answered
  // before tRPC (by the HTTP layer) has the HTTP API's shape and is read as it is.
  const error = body?.error
  throw kit.apiErrorFrom(answer.status, error?.data ? { error: { code: error.data.appCode, message: error.message, issues: error.data.issues } } : body, answer.headers)
}

/** What the tRPC endpoint answers (no transformer). */
interface TrpcAnswer<T> {
  result?: { data: T }
  error?: { message?: string; data?: { appCode?: string; issues?: Issue[] } }
}

// A copy of transport's: passing it in the kit costs the first chunk more than these lines cost here.
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
