import { createServer, type Server, type Socket, connect } from 'node:net'

/**
 * A loopback TCP forwarder to a database that a test can switch off: `cut()`
 * resets every open connection and refuses new ones, as when PostgreSQL is
 * stopped; `restore()` forwards again, as when it is back.
 */
export async function startTcpSwitch(target: { host: string; port: number }) {
  const open = new Set<Socket>()
  let on = true
  const server: Server = createServer((client) => {
    if (!on) {
      client.resetAndDestroy()
      return
    }
    const upstream = connect(target.port, target.host)
    open.add(client)
    open.add(upstream)
    const close = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('error', close).on('close', close)
    upstream.on('error', close).on('close', close)
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return {
    port: address.port,
    cut() {
      on = false
      for (const socket of open) socket.resetAndDestroy()
      open.clear()
    },
    restore() {
      on = true
    },
    close: () =>
      new Promise<void>((resolve) => {
        on = false
        for (const socket of open) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
