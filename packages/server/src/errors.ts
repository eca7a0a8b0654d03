import { type ApiErrorBody, type ApiIssue, ERROR_STATUS, type ErrorCode, toApiIssues } from '@rapport/shared'
import type { z } from 'zod'

/**
 * The one error type the server throws on purpose. Its `code` decides the HTTP
 * status (in `ERROR_STATUS`); everything else the client sees is in the body.
 */
export class AppError extends Error {
  override name = 'AppError'
  readonly code: ErrorCode
  readonly issues: ApiIssue[]
  /** Seconds, for `rate_limited`. */
  readonly retryAfter: number | undefined

  constructor(code: ErrorCode, message: string, options: { issues?: ApiIssue[]; retryAfter?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.code = code
    this.issues = options.issues ?? []
    this.retryAfter = options.retryAfter
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, issues: this.issues } }
  }

  static fromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): AppError {
    return new AppError('validation_error', 'The input is not valid', { issues: toApiIssues(error.issues, prefix) })
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
