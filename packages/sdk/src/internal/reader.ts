import { PermissionError, RapportError } from '../errors.js'
import type { InputOf, OutputOf, ReadKit, ReadPath } from './read-client.js'
import type { ResolvedOptions } from './resolve-options.js'
import { apiErrorFrom, request } from './transport.js'

/** Runs one typed read against the server (a query, or a mutation when `mutation` is true). */
export type Reader = <P extends ReadPath>(path: P, input: InputOf<P>, mutation?: boolean) => Promise<OutputOf<P>>

const KIT: ReadKit = { request, apiErrorFrom, RapportError, PermissionError }

/**
 * One reader per client, shared by `customers` and `insights`. The read code
 * is imported on the first read, so a page that only sends events never
 * downloads it (bundlers put it in a chunk of its own).
 */
export function createReader(options: ResolvedOptions): Reader {
  return async (path, input, mutation = false) => (await import('./read-client.js')).read(KIT, options, path, input, mutation)
}
