/**
 * A timer that never keeps a Node process alive (`unref`); in browsers
 * `setTimeout` returns a number and there is nothing to unref.
 */
export function startTimer(callback: () => void, ms: number): () => void {
  const handle = setTimeout(callback, ms)
  ;(handle as { unref?: () => void }).unref?.()
  return () => clearTimeout(handle)
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      cancel()
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const cancel = startTimer(done, ms)
    if (signal?.aborted) done()
    else signal?.addEventListener('abort', done)
  })
}
