import { z } from 'zod'

/**
 * Machine-readable error codes. Every 4xx answer carries one; the HTTP status
 * follows from the code (see `ERROR_STATUS`).
 */
export const errorCodeSchema = z.enum([
  'validation_error',
  'invalid_json',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'internal_error',
  'unavailable',
])
export type ErrorCode = z.output<typeof errorCodeSchema>

/** HTTP status of each error code. */
export const ERROR_STATUS = {
  validation_error: 400,
  invalid_json: 400,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>

/** One problem with the input: where (`events.3.amount`) and what. */
export const apiIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
})
export type ApiIssue = z.output<typeof apiIssueSchema>

/** The body of every error answer of the HTTP API. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    issues: z.array(apiIssueSchema),
  }),
})
export type ApiErrorBody = z.output<typeof apiErrorSchema>

/** Turns zod issues into API issues with dotted paths (`items.0.unitPrice`). */
export function toApiIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ApiIssue[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
  }))
}
