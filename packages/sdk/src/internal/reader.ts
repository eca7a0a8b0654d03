import { PermissionError, RapportError } from '../errors.js'
import { call, createReadClient, type ReadClient } from './read-client.js'
import type { ResolvedOptions } from './resolve-options.js'

/** Runs one typed read against the server: checks the key first, then calls with the client's timeout. */
export type Reader = <T>(run: (client: ReadClient, signal: AbortSignal) => Promise<T>) => Promise<T>

/** Refuses, before any request, a call the key cannot make. */
function requireSecretKey(options: ResolvedOptions): void {
  if (options.disabled) throw new RapportError('disabled', 'The client is disabled (or has no apiKey): nothing is requested')
  if (!options.apiKey.startsWith('rk_sec_')) {
    throw new PermissionError('permission_denied', 'Reading data needs a secret key (rk_sec_…); publishable keys (rk_pub_…) can only send events')
  }
}

/** One reader per client, shared by `customers` and `insights`. */
export function createReader(options: ResolvedOptions): Reader {
  let client: ReadClient | undefined
  return async (run) => {
    requireSecretKey(options)
    // Built on first use, so ingestion-only apps never pay for it.
    client ??= createReadClient(options)
    const trpc = client
    return call(options.timeout, (signal) => run(trpc, signal))
  }
}
