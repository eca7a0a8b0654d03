import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { ROOT } from './paths.js'
import { cleanEnv, startProcess } from './processes.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the real server listens, e.g. http://127.0.0.1:41234. */
    rapportUrl: string
  }
}

/**
 * Starts the built server through its `rapport` command with no arguments (what `npx @rapport/server`
 * runs; the same start-up as `npm start`), on a free port, with PGlite in a temp dir.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-examples-'))
  const server = await startProcess(process.execPath, [join(ROOT, 'packages/server/bin/rapport.js')], {
    env: cleanEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_DATA_DIR: dataDir, RAPPORT_LOG_LEVEL: 'warn', RAPPORT_RATE_LIMIT_PER_SECOND: '0' }),
    ready: /listening on (http:\/\/\S+)/,
    timeoutMs: 45_000,
  })
  project.provide('rapportUrl', server.match)
  return async () => {
    server.child.kill('SIGTERM')
    await server.exited
    rmSync(dataDir, { recursive: true, force: true })
  }
}
