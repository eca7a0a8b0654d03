import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'

/** The built server's entry point (`npm start` runs the same file). */
const MAIN = join(dirname(createRequire(import.meta.url).resolve('@rapport/server/package.json')), 'dist', 'main.js')

/** A free loopback port, so that a restarted server comes back on the same address. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return address.port
}

export interface ServerProcessOptions {
  port: number
  /** PostgreSQL URL, or a PGlite data directory. */
  database: { url: string } | { directory: string }
}

/**
 * The real server as a child process (`node dist/main.js`), which a test may
 * SIGKILL and start again on the same port and data.
 */
export class ServerProcess {
  readonly url: string
  #child: ChildProcess | undefined
  #output = ''

  constructor(readonly options: ServerProcessOptions) {
    this.url = `http://127.0.0.1:${options.port}`
  }

  /** Starts the process and waits until `/ready` answers 200. */
  async start(timeoutMs = 30_000): Promise<void> {
    const database = 'url' in this.options.database ? { DATABASE_URL: this.options.database.url } : { RAPPORT_DATA_DIR: this.options.database.directory }
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        PORT: String(this.options.port),
        HOST: '127.0.0.1',
        RAPPORT_LOG_LEVEL: 'warn',
        RAPPORT_RATE_LIMIT_PER_SECOND: '0',
        RAPPORT_SESSION_SECRET: 'server-process-test-secret-0123456789abcdef',
        RAPPORT_SHUTDOWN_TIMEOUT_MS: '2000',
        ...database,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.#child = child
    child.stdout?.on('data', (chunk: Buffer) => this.#keep(chunk))
    child.stderr?.on('data', (chunk: Buffer) => this.#keep(chunk))
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.#output}`)
      if ((await this.ready()) === 200) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`server not ready after ${timeoutMs} ms:\n${this.#output}`)
  }

  /** The status of `GET /ready`, or 0 when nothing answers. */
  async ready(): Promise<number> {
    try {
      const response = await fetch(`${this.url}/ready`, { signal: AbortSignal.timeout(3_000) })
      await response.arrayBuffer()
      return response.status
    } catch {
      return 0
    }
  }

  /** Kills the process without warning (SIGKILL) and waits until it is gone. */
  async kill(): Promise<void> {
    await this.#stop('SIGKILL')
  }

  /** Stops the process gracefully (SIGTERM). */
  async stop(): Promise<void> {
    await this.#stop('SIGTERM')
  }

  /** What the process printed (for failure messages). */
  get output(): string {
    return this.#output
  }

  async #stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child
    this.#child = undefined
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill(signal)
    await exited
  }

  #keep(chunk: Buffer): void {
    // Bounded: only the tail matters for a failure message.
    this.#output = (this.#output + chunk.toString('utf8')).slice(-20_000)
  }
}
