import { type Router as ExpressRouter, Router } from 'express'
import { z } from 'zod'
import type { ServerDeps } from '../deps.js'
import { AppError, isAppError } from '../errors.js'
import { apiAuth, principalOf } from '../http/api-auth.js'
import { projectForRead } from '../projects/project-access.js'
import { parseColumnMap } from './column-map.js'
import { IMPORT_FORMATS, importFormatNameSchema } from './import-formats.js'
import { eagerBody } from './eager-body.js'
import { runImport } from './import.service.js'

/** Bytes an import body may have (compressed if gzip). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024

const importQuery = z.object({
  format: importFormatNameSchema,
  /** `canonical=Header` pairs, comma-separated. */
  map: z.string().max(4096).optional(),
  /** With a session (dashboard): the project to import into. */
  projectId: z.uuid().optional(),
})

/**
 * `POST /v1/import?format=…[&map=…]`: the CSV file (or .csv.gz) as the raw
 * body, streamed. Answers `application/x-ndjson`: progress lines, then the
 * summary line — or an error line if the import fails once started. Errors
 * found before the first row (format, key, header) are plain 4xx answers.
 * Mounted before the JSON body parser of /v1: the body is read here, as a stream.
 */
export function importRoutes(deps: ServerDeps): ExpressRouter {
  const routes = Router()
  routes.post('/import', apiAuth(deps), async (req, res) => {
    const query = importQuery.safeParse(req.query)
    if (!query.success) throw AppError.fromZod(query.error)
    const principal = principalOf(res)
    if (principal.kind === 'key' && principal.keyKind !== 'secret') {
      throw new AppError('forbidden', 'Importing needs a secret key (rk_sec_…); a publishable key can only send events')
    }
    const project = await projectForRead(deps.db, principal, query.data.projectId)
    const format = IMPORT_FORMATS[query.data.format]
    const columnMap = parseColumnMap(query.data.map, format)
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_IMPORT_BYTES) {
      throw new AppError('payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it and import the parts`)
    }

    // The client going away (Ctrl-C in the CLI) stops the import between rows.
    const stop = new AbortController()
    res.on('close', () => stop.abort())
    let started = false
    const start = () => {
      if (started) return
      started = true
      res.status(200)
      res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8')
      res.setHeader('Cache-Control', 'no-store')
      res.flushHeaders()
    }
    const send = (line: object) => {
      if (res.destroyed || res.writableEnded) return
      start()
      res.write(`${JSON.stringify(line)}\n`)
    }
    try {
      const summary = await runImport(deps.db, project, eagerBody(req, MAX_IMPORT_BYTES), { format, columnMap }, {
        maxBytes: MAX_IMPORT_BYTES,
        writers: deps.dbKind === 'postgres' ? 2 : 1,
        onHeader: start,
        onProgress: send,
        signal: stop.signal,
      })
      send(summary)
      res.end()
    } catch (error) {
      if (stop.signal.aborted) return
      if (!started) throw error
      if (!isAppError(error)) deps.log.error({ err: error, projectId: project.id }, 'import failed')
      const known = isAppError(error) ? error : new AppError('internal_error', 'The import stopped on an internal error; run it again to resume')
      send({ type: 'error', ...known.toBody() })
      res.end()
    }
  })
  return routes
}
