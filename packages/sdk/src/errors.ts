import type { ErrorCode } from '@rapport/shared'

/** One problem with an event or a request: where (`items.0.unitPrice`) and what. */
export interface Issue {
  path: string
  message: string
}

/**
 * Every code an SDK error can carry: the server's codes (`validation_error`,
 * `rate_limited`, …) plus the ones the SDK raises itself.
 */
export type RapportErrorCode =
  | ErrorCode
  | 'http_error'
  | 'connection_error'
  | 'timeout'
  | 'queue_overflow'
  | 'permission_denied'
  | 'delivery_failed'
  | 'invalid_options'
  | 'storage_error'
  | 'closed'
  | 'disabled'

// A brand survives the ESM/CJS dual-package hazard, where `instanceof` fails
// because the app loaded the class twice.
const BRAND: unique symbol = Symbol.for('rapport.error')

/**
 * Base of every error the SDK reports (through `onError`) or throws (from the read methods).
 *
 * @example
 * crm.customers.get('user-42').catch((error) => {
 *   if (isAPIError(error) && error.status === 404) return null
 *   throw error
 * })
 */
export class RapportError extends Error {
  override name = 'RapportError'
  declare readonly code: RapportErrorCode
  declare readonly [BRAND]: true

  /** `fields` become properties of the error (`cause` included). */
  constructor(code: RapportErrorCode, message: string, fields?: object) {
    super(message, fields as { cause?: unknown } | undefined)
    Object.assign(this, fields, { code, [BRAND]: true })
  }
}

/** The server answered a request with an error status. */
export class APIError extends RapportError {
  override name = 'APIError'
  /** HTTP status, e.g. `401`. */
  declare readonly status: number
  /** The server's `X-Request-Id`, to quote when asking for help. */
  declare readonly requestId: string | undefined
  /** Field problems reported by the server. */
  declare readonly issues: readonly Issue[]
  /** Milliseconds the server asked to wait (`Retry-After`), if it did. */
  declare readonly retryAfterMs: number | undefined

  constructor(
    code: RapportErrorCode,
    message: string,
    fields: { status: number; requestId: string | undefined; issues: readonly Issue[]; retryAfterMs: number | undefined; cause?: unknown },
  ) {
    super(code, message, fields)
  }
}

/** The request never got an answer: network failure, refused connection or timeout (`code: 'timeout'`). */
export class ConnectionError extends RapportError {
  override name = 'ConnectionError'
}

/** An event was not valid: it was refused before being queued (`source: 'client'`) or by the server (`source: 'server'`). */
export class ValidationError extends RapportError {
  override name = 'ValidationError'
  declare readonly issues: readonly Issue[]
  /** `identify`, `purchase` or `track`. */
  declare readonly eventType: string
  /** The event's id; `undefined` when it was refused before one was assigned. */
  declare readonly eventId: string | undefined
  /** Who refused the event. */
  declare readonly source: 'client' | 'server'

  constructor(
    code: RapportErrorCode,
    message: string,
    fields: { issues: readonly Issue[]; eventType: string; eventId: string | undefined; source: 'client' | 'server' },
  ) {
    super(code, message, fields)
  }
}

/** The queue was full: the oldest `dropped` events were thrown away to make room. */
export class QueueOverflowError extends RapportError {
  override name = 'QueueOverflowError'
  declare readonly dropped: number

  constructor(dropped: number) {
    super('queue_overflow', `Queue full: dropped ${dropped} oldest event(s)`, { dropped })
  }
}

/** The key cannot do this (e.g. reading customers with a publishable key); raised before any request. */
export class PermissionError extends RapportError {
  override name = 'PermissionError'
}

/** Events were given up on for good; `cause` says why (an `APIError` or a `ConnectionError`). */
export class DeliveryError extends RapportError {
  override name = 'DeliveryError'
  /** Ids of the events that were not delivered. */
  declare readonly eventIds: readonly string[]

  constructor(message: string, eventIds: readonly string[], cause?: unknown) {
    super('delivery_failed', message, { eventIds, cause })
  }
}

function isNamed(error: unknown, name: string): boolean {
  return isRapportError(error) && error.name === name
}

/** True for every error of the SDK. */
export function isRapportError(error: unknown): error is RapportError {
  // Every instance carries the brand (see the constructor), whichever copy of the SDK made it.
  return (error as { [BRAND]?: true } | null | undefined)?.[BRAND] === true
}

export const isAPIError = (error: unknown): error is APIError => isNamed(error, 'APIError')
export const isConnectionError = (error: unknown): error is ConnectionError => isNamed(error, 'ConnectionError')
export const isValidationError = (error: unknown): error is ValidationError => isNamed(error, 'ValidationError')
export const isQueueOverflowError = (error: unknown): error is QueueOverflowError => isNamed(error, 'QueueOverflowError')
export const isPermissionError = (error: unknown): error is PermissionError => isNamed(error, 'PermissionError')
export const isDeliveryError = (error: unknown): error is DeliveryError => isNamed(error, 'DeliveryError')
