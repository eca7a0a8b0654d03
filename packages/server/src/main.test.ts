import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { CustomerDetail } from '@rapport/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { http } from './test/http.js'
import { createTestDatabase, testDialects } from './test/test-database.js'

const PACKAGE_DIR = join(import.meta.dirname, '..')
const MAIN = join(PACKAGE_DIR, 'dist', 'main.js')
const CLI = join(PACKAGE_DIR, 'bin', 'rapport.js')
const run = promisify(execFile)

interface Started {
  child: ChildProcess
  url: string
  exited: Promise<number | null>
  output: () => string
}

/** Starts the built server (`npm start` runs exactly this) and waits for its banner. */
async function startProcess(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearInterval(timer)
        resolve(match[1])
      }
    }, 50)
    exited.then((code) => {
      clearInterval(timer)
      reject(new Error(`server exited with ${code}: ${output}`))
    })
  })
  return { child, url, exited, output: () => output }
}

const dataDirs: string[] = []
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
})

describe('the server process (npm start) on embedded PGlite', () => {
  it('starts with no setup, is set up by the CLI, keeps its data across restarts, and shuts down gracefully', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-main-'))
    dataDirs.push(dataDir)
    const first = await startProcess({ RAPPORT_DATA_DIR: dataDir })
    expect(first.output()).toContain('rapport setup')
    expect((await http(`${first.url}/ready`)).body).toEqual({ status: 'ready', database: 'pglite' })

    const { stdout } = await run(process.execPath, [
      CLI,
      'setup',
      '--email',
      'owner@example.com',
      '--password',
      'correct horse battery',
      '--project',
      'Corner shop',
      '--currency',
      'GBP',
      '--timezone',
      'Europe/London',
      '--host',
      first.url,
      '--json',
    ])
    const keys = JSON.parse(stdout) as { projectId: string; publishableKey: string; secretKey: string }
    expect(keys.secretKey).toMatch(/^rk_sec_/)
    expect(keys.publishableKey).toMatch(/^rk_pub_/)
    await http(`${first.url}/v1/purchase`, { token: keys.secretKey, body: { orderId: 'P-1', customerId: 'kate', amount: '19.99', currency: 'GBP' } })

    // A request in flight when SIGTERM arrives still gets its answer.
    const body = JSON.stringify({ customerId: 'late', name: 'Late Larry' })
    const socket = connect(Number(new URL(first.url).port), '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    const answer = new Promise<string>((resolve) => {
      let text = ''
      socket.on('data', (chunk) => {
        text += chunk.toString()
      })
      socket.on('end', () => resolve(text))
      socket.on('close', () => resolve(text))
    })
    socket.write(
      `POST /v1/identify HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${keys.secretKey}\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    first.child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 200))
    socket.end(body.slice(10))
    expect(await answer).toMatch(/^HTTP\/1\.1 200 /)
    expect(await first.exited).toBe(0)

    const second = await startProcess({ RAPPORT_DATA_DIR: dataDir })
    try {
      const detail = await http<CustomerDetail>(`${second.url}/v1/customers/kate`, { token: keys.secretKey })
      expect(detail.body.customer.totals.netSpent).toBe('19.99')
      const late = await http<CustomerDetail>(`${second.url}/v1/customers/late`, { token: keys.secretKey })
      expect(late.body.customer.name).toBe('Late Larry')
    } finally {
      second.child.kill('SIGTERM')
      await second.exited
    }
  })

  it('refuses a wrong configuration with a message naming the variable', async () => {
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', PORT: 'eighty', DATABASE_URL: 'mysql://x' } })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    expect(stderr).toContain('PORT="eighty"')
    expect(stderr).toContain('DATABASE_URL="mysql://x": must be a postgres:// or postgresql:// URL')
  })

  it.skipIf(!testDialects().includes('postgres'))('uses PostgreSQL when DATABASE_URL is set', async () => {
    const database = await createTestDatabase('postgres')
    const url = database.target.kind === 'postgres' ? database.target.url : ''
    const started = await startProcess({ DATABASE_URL: url, RAPPORT_SESSION_SECRET: 'a-session-secret-of-at-least-32-characters' })
    try {
      expect(started.output()).toContain('PostgreSQL (DATABASE_URL)')
      expect((await http(`${started.url}/ready`)).body).toEqual({ status: 'ready', database: 'postgres' })
    } finally {
      started.child.kill('SIGTERM')
      expect(await started.exited).toBe(0)
      await database.drop()
    }
  })
})
