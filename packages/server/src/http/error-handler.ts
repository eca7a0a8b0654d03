import type { ErrorRequestHandler, RequestHandler, Response } from 'express'
import { AppError, isAppError } from '../errors.js'
import type { Logger } from '../logger.js'

export function sendError(res: Response, error: AppError): void {
  if (error.retryAfter !== undefined) res.setHeader('Retry-After', String(error.retryAfter))
  res.status(error.status).json(error.toBody())
}

interface BodyParserError {
  type?: string
  status?: number
}

/** body-parser's errors (malformed JSON, too large, bad charset) as our 4xx errors. */
function fromBodyParser(error: BodyParserError): AppError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError('invalid_json', 'The body is not valid JSON')
    case 'entity.too.large':
      return new AppError('payload_too_large', 'The body is larger than 512 KB; split it into smaller batches')
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', 'Send JSON encoded as UTF-8')
  }
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return new AppError('validation_error', 'The request could not be read')
  }
  return undefined
}

/** Every error ends here: ours become their 4xx, anything unexpected is logged and answered 500 without details. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = isAppError(error) ? error : fromBodyParser((error ?? {}) as BodyParserError)
    if (res.headersSent) return
    if (known) return sendError(res, known)
    log.error({ err: error, method: req.method, path: req.path }, 'unhandled error')
    sendError(res, new AppError('internal_error', 'Internal error'))
  }
}

export const notFound: RequestHandler = (req, res) => {
  sendError(res, new AppError('not_found', `No route ${req.method} ${req.path}`))
}
