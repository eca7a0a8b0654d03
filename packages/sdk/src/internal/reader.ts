import { read } from './read-client.js'
import type { InputOf, OutputOf, ReadPath } from './read-client.js'
import type { ResolvedOptions } from './resolve-options.js'

/** Runs one typed read against the server (a query, or a mutation when `mutation` is true), after checking the key. */
export type Reader = <P extends ReadPath>(path: P, input: InputOf<P>, mutation?: boolean) => Promise<OutputOf<P>>

/** One reader per client, shared by `customers` and `insights`. */
export function createReader(options: ResolvedOptions): Reader {
  return async (path, input, mutation = false) => read(options, path, input, mutation)
}
