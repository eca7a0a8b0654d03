import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client'
import type { AppRouter } from '../router.js'

/** A typed tRPC client for the CLI; `token` is a session token or an API key. */
export function apiClient(host: string, token?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${host.replace(/\/+$/, '')}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  })
}

/** Our error code from a tRPC client error (`conflict`, `unauthorized`, …), if the server sent one. */
export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined
  const data: unknown = error.data
  return typeof data === 'object' && data !== null && 'appCode' in data ? String(data.appCode) : undefined
}

/** A one-line explanation of a failed call for the terminal. */
export function describeError(error: unknown, host: string): string {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data
    const issues =
      typeof data === 'object' && data !== null && 'issues' in data && Array.isArray(data.issues)
        ? (data.issues as Array<{ path: string; message: string }>).map((issue) => ` ${issue.path}: ${issue.message}`).join(';')
        : ''
    if (error.cause && !error.data) return `Cannot reach the Rapport server at ${host} (is it running? start it with npm start)`
    return `${error.message}${issues}`
  }
  return error instanceof Error ? error.message : String(error)
}
