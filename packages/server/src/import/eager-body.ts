import type { Readable } from 'node:stream'

/**
 * Reads a request body as fast as the client sends it and hands it on at the
 * pace of the import. Node's HTTP server ends a request whose body is not
 * received within `requestTimeout` (300 s by default); pulling the body only
 * as fast as the database stores it would let a slow import (PGlite, a large
 * file) run into that limit. What is read ahead stays in memory, bounded by
 * the import's byte limit (past it the import fails anyway).
 */
export async function* eagerBody(source: Readable, maxBytes: number): AsyncGenerator<Uint8Array> {
  const chunks: Uint8Array[] = []
  let buffered = 0
  let ended = false
  let failure: { error: unknown } | undefined
  let wake: (() => void) | undefined
  const notify = () => {
    wake?.()
    wake = undefined
  }
  const onData = (chunk: Uint8Array) => {
    chunks.push(chunk)
    buffered += chunk.length
    // Past the limit nothing more is worth holding: the consumer fails on it.
    if (buffered > maxBytes) source.pause()
    notify()
  }
  const onEnd = () => {
    ended = true
    notify()
  }
  const onError = (error: unknown) => {
    failure ??= { error }
    notify()
  }
  const onAborted = () => onError(new Error('The client closed the connection before the whole file was sent'))
  source.on('data', onData)
  source.on('end', onEnd)
  source.on('error', onError)
  source.on('aborted', onAborted)
  try {
    for (;;) {
      const chunk = chunks.shift()
      if (chunk !== undefined) {
        buffered -= chunk.length
        yield chunk
        continue
      }
      if (failure) throw failure.error
      if (ended) return
      await new Promise<void>((resolve) => {
        wake = resolve
      })
    }
  } finally {
    source.off('data', onData)
    source.off('end', onEnd)
    source.off('error', onError)
    source.off('aborted', onAborted)
  }
}
