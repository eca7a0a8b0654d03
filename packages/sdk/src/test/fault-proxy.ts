import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FaultCounts {
  dropped: number
  /** Answered 500, 502, 503 or 429 (with `Retry-After: 0`) without forwarding. */
  unavailable: number
  resetAfterAnswer: number
  /** Forwarded after a pause of up to `maxDelayMs`. */
  delayed: number
  passed: number
  /** Answers by status, of those counted in `unavailable`. */
  byStatus: Record<number, number>
}

/** Statuses the proxy answers in place of the server, in turn. */
const FAULT_STATUSES = [503, 500, 502, 429] as const

/** A seeded PRNG (mulberry32): the same faults on every run. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A loopback HTTP proxy that breaks requests on purpose: drops the connection
 * before forwarding, answers 503/500/502/429, or forwards and then resets the
 * connection instead of relaying the server's answer (the event was stored;
 * the client must not know). `rate` is the chance of each fault; with
 * `delayRate`, that share of the forwarded requests waits up to `maxDelayMs` first.
 */
export async function startFaultProxy(target: string, options: { rate: number; seed: number; delayRate?: number; maxDelayMs?: number }) {
  const random = seeded(options.seed)
  const counts: FaultCounts = { dropped: 0, unavailable: 0, resetAfterAnswer: 0, delayed: 0, passed: 0, byStatus: {} }
  const upstream = new URL(target)
  let requests = 0
  const server: Server = createServer((req, res) => {
    // The first three requests meet each fault once, so every run exercises all three.
    const forced = [0, 1, 2][requests++]
    const roll = forced === undefined ? random() : (forced + 0.5) * options.rate
    if (roll < options.rate) {
      counts.dropped++
      req.socket.destroy()
      return
    }
    if (roll < options.rate * 2) {
      const status = FAULT_STATUSES[counts.unavailable % FAULT_STATUSES.length] ?? 503
      counts.unavailable++
      counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1
      res.writeHead(status, { 'Retry-After': '0', 'Content-Type': 'application/json' }).end('{"error":{"code":"unavailable","message":"injected"}}')
      return
    }
    const resetAfter = roll < options.rate * 3
    const delayMs = options.delayRate && random() < options.delayRate ? Math.floor(random() * (options.maxDelayMs ?? 100)) : 0
    if (delayMs > 0) counts.delayed++
    const forward = () => request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        if (resetAfter) {
          counts.resetAfterAnswer++
          answer.resume()
          answer.on('end', () => req.socket.destroy())
          return
        }
        counts.passed++
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    const send = () => {
      const upstreamRequest = forward()
      upstreamRequest.on('error', () => req.socket.destroy())
      req.pipe(upstreamRequest)
    }
    if (delayMs > 0) setTimeout(send, delayMs)
    else send()
  })
  // Bounded: a runaway client cannot open sockets without end.
  server.maxConnections = 64
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
