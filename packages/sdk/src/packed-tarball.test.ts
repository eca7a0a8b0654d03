import { execFile } from 'node:child_process'
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

// What someone who only runs `npm install @rapport/sdk` gets: the packed tarballs
// (their `files` and `exports`, not the workspace) installed into an empty project,
// the typed consumer type-checked against them, and both module formats loaded.
const run = promisify(execFile)
const packages = fileURLToPath(new URL('../../', import.meta.url))

/** The environment without the parent `npm run`'s settings (workspace, prefix…), which would redirect the child npm. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')))
}

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', args, { cwd, env: cleanEnv(), maxBuffer: 16 * 1024 * 1024 })
  return stdout
}

describe('the packed @rapport/sdk tarball', () => {
  let dir = ''
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('installs into an empty project, type-checks the consumer with exact types, and loads as ESM and CommonJS', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-packed-'))
    const pack = async (name: string) => {
      const [packed] = JSON.parse(await npm(['pack', '--json', '--pack-destination', dir], join(packages, name))) as Array<{ filename: string }>
      if (!packed) throw new Error(`npm pack ${name} printed nothing`)
      return join(dir, packed.filename)
    }
    const sdk = await pack('sdk')
    const shared = await pack('shared')
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { '@rapport/sdk': `file:${sdk}`, '@rapport/shared': `file:${shared}` } }),
    )
    await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], dir)

    await copyFile(fileURLToPath(new URL('../test-d/consumer.ts', import.meta.url)), join(dir, 'consumer.ts'))
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          types: [],
          skipLibCheck: false,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
        },
        include: ['consumer.ts'],
      }),
    )
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    const checked = await run(process.execPath, [tsc, '-p', dir]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }))
    expect(checked.stdout).toBe('')

    const script = (load: string) => `${load}
const crm = createCRM({ apiKey: 'rk_pub_example', disabled: true })
crm.identify('user-42', { plan: 'pro' })
crm.purchase({ orderId: 'A-1', amount: '49.90', currency: 'EUR' })
Promise.resolve(crm.flush()).then(() => console.log(typeof crm.insights.report))`
    await writeFile(join(dir, 'esm.mjs'), script(`import { createCRM } from '@rapport/sdk'`))
    await writeFile(join(dir, 'cjs.cjs'), script(`const { createCRM } = require('@rapport/sdk')`))
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      const { stdout } = await run(process.execPath, [join(dir, file)], { cwd: dir })
      expect(stdout.trim(), file).toBe('function')
    }
  }, 300_000)
})
