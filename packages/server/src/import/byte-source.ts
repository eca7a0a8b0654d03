import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { AppError } from '../errors.js'

/** Counts the bytes that pass (before decompression) and refuses more than `maxBytes`. */
export function countBytes(onBytes: (bytes: number) => void, maxBytes: number) {
  return async function* count(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    let total = 0
    for await (const chunk of source) {
      total += chunk.length
      if (total > maxBytes) {
        throw new AppError('payload_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; split it and import the parts`)
      }
      onBytes(chunk.length)
      yield chunk
    }
  }
}

async function* prepend(head: Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value
}

/**
 * Passes plain bytes through and decompresses gzip, told apart by the gzip
 * magic bytes (1f 8b) rather than by a file name or header the client may
 * not set.
 */
export async function* gunzipIfNeeded(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]()
  const head: Uint8Array[] = []
  let length = 0
  while (length < 2) {
    const next = await iterator.next()
    if (next.done) break
    head.push(next.value)
    length += next.value.length
  }
  const start = Buffer.concat(head)
  if (start[0] !== 0x1f || start[1] !== 0x8b) {
    yield* prepend(head, iterator)
    return
  }
  // Larger output chunks than zlib's 16 KB: fewer, bigger pieces for csv-parse.
  const gunzip = createGunzip({ chunkSize: 256 * 1024 })
  const feeding = pipeline(Readable.from(prepend(head, iterator)), gunzip)
  // Read below; a failure of either side also surfaces from the loop.
  feeding.catch(() => {})
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('validation_error', 'The file starts like gzip but could not be decompressed', {
      issues: [{ path: 'body', message: error instanceof Error ? error.message : String(error) }],
    })
  } finally {
    gunzip.destroy()
  }
  await feeding
}
