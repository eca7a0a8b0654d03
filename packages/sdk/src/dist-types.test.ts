import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

// Checks the built declarations (run after `build`, as `turbo run test` does).
const dist = new URL('../dist/', import.meta.url)
const DECLARATIONS = ['index.d.ts', 'index.d.cts', 'ingest.d.ts', 'ingest.d.cts']

/** Declaration text without comments, where "any" in prose is fine. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '')

describe('published types', () => {
  it.each(DECLARATIONS)('%s names no server type and no any', async (file) => {
    const text = code(await readFile(new URL(file, dist), 'utf8'))
    expect(text).not.toMatch(/@rapport\/server|AppRouter|@trpc\//)
    expect(text).not.toMatch(/\bany\b/)
  })

  it('give a consumer exact types through @rapport/sdk alone (test-d/consumer.ts)', async () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    const project = new URL('../test-d/tsconfig.json', import.meta.url).pathname
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', project]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }))
    expect(result.stdout).toBe('')
  }, 120_000)
})
