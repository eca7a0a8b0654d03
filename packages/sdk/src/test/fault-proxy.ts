import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FaultCounts {
  dropped: number
  unavailable: number
  resetAfterAnswer: number
  passed: number
}

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
 * before forwarding, answers 503, or forwards and then resets the connection
 * instead of relaying the server's answer (the event was stored; the client
 * must not know). `rate` is the chance of each fault.
 */
export async function startFaultProxy(target: string, options: { rate: number; seed: number }) {
  const random = seeded(options.seed)
  const counts: FaultCounts = { dropped: 0, unavailable: 0, resetAfterAnswer: 0, passed: 0 }
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
      counts.unavailable++
      res.writeHead(503, { 'Retry-After': '0' }).end()
      return
    }
    const resetAfter = roll < options.rate * 3
    const forward = request(
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
    forward.on('error', () => req.socket.destroy())
    req.pipe(forward)
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
