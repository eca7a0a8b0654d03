import { describe, expect, it } from 'vitest'
import {
  APIError,
  ConnectionError,
  DeliveryError,
  isAPIError,
  isConnectionError,
  isDeliveryError,
  isPermissionError,
  isQueueOverflowError,
  isRapportError,
  isValidationError,
  PermissionError,
  QueueOverflowError,
  RapportError,
  ValidationError,
} from './errors.js'

describe('error tree', () => {
  const api = new APIError('not_found', 'No such customer', { status: 404, requestId: 'r-1', issues: [], retryAfterMs: undefined })
  const all = [
    api,
    new ConnectionError('timeout', 'Timed out'),
    new ValidationError('validation_error', 'Bad', { issues: [], eventType: 'track', eventId: undefined, source: 'client' }),
    new QueueOverflowError(3),
    new PermissionError('permission_denied', 'Secret key needed'),
    new DeliveryError('Dropped', ['id-1'], api),
  ]
  const guards = [isAPIError, isConnectionError, isValidationError, isQueueOverflowError, isPermissionError, isDeliveryError]

  it('each guard recognises its own class only', () => {
    expect(all.map((error) => guards.map((guard) => guard(error)))).toEqual(all.map((_, row) => guards.map((_, column) => row === column)))
  })

  it('all are RapportErrors and Errors with a code', () => {
    for (const error of all) {
      expect(error).toBeInstanceOf(RapportError)
      expect(error).toBeInstanceOf(Error)
      expect(isRapportError(error)).toBe(true)
    }
    expect(isRapportError(new Error('x'))).toBe(false)
    expect(all.map((error) => error.code)).toEqual(['not_found', 'timeout', 'validation_error', 'queue_overflow', 'permission_denied', 'delivery_failed'])
  })

  it('carries its data', () => {
    expect(api).toMatchObject({ status: 404, requestId: 'r-1', message: 'No such customer', name: 'APIError' })
    expect(new QueueOverflowError(3).dropped).toBe(3)
    expect(new DeliveryError('Dropped', ['id-1'], api)).toMatchObject({ eventIds: ['id-1'], cause: api })
  })
})
