import { isTRPCClientError } from '@trpc/client'

interface ErrorData {
  httpStatus?: number
  appCode?: string
  issues?: Array<{ path: string; message: string }>
}

function dataOf(error: unknown): ErrorData | undefined {
  if (!isTRPCClientError(error)) return undefined
  const data: unknown = error.data
  return typeof data === 'object' && data !== null ? (data as ErrorData) : undefined
}

/** The session is missing, expired or logged out. */
export function isUnauthorized(error: unknown): boolean {
  return dataOf(error)?.httpStatus === 401
}

/** 4xx answers are final: retrying them cannot help. */
export function isClientError(error: unknown): boolean {
  const status = dataOf(error)?.httpStatus
  return status !== undefined && status >= 400 && status < 500
}

/** The field messages of a validation error, by field path (`email`, `password`). */
export function fieldIssues(error: unknown): Record<string, string> {
  const issues: Record<string, string> = {}
  for (const issue of dataOf(error)?.issues ?? []) issues[issue.path] ??= issue.message
  return issues
}

/** A message fit to show: the server's own for 4xx, a generic one otherwise. */
export function errorMessage(error: unknown): string {
  if (isTRPCClientError(error)) {
    if (isClientError(error)) return error.message
    if (dataOf(error) === undefined) return 'Could not reach the server. Check your connection and try again.'
  }
  return 'Something went wrong on the server. Try again in a moment.'
}
