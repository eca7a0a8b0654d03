// Bundles each public entry for browsers (minified, tree-shaken, as an app's
// bundler would) and fails when its gzip size passes the budget.
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const BUDGETS = [
  // Issue 3 asks for 6 KB; the entry is at ~6.5 KB (validation, persistence and
  // the error tree). Held at 7 KB so it cannot grow while the last cut is decided.
  { entry: 'src/ingest.ts', name: '@rapport/sdk/ingest', maxKB: 7, targetKB: 6 },
  { entry: 'src/index.ts', name: '@rapport/sdk', maxKB: 15, targetKB: 15 },
]

const root = fileURLToPath(new URL('..', import.meta.url))
let failed = false
for (const { entry, name, maxKB, targetKB } of BUDGETS) {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Fails the build on any `node:` import, so the browser bundle cannot depend on Node.
    external: [],
    logLevel: 'error',
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  const gzipKB = gzipSync(code, { level: 9 }).length / 1024
  const ok = gzipKB <= maxKB
  failed ||= !ok
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${(code.length / 1024).toFixed(2)} KB minified, ${gzipKB.toFixed(2)} KB gzip (budget ${maxKB} KB)`)
  // The target is printed separately so a miss stays visible while the gate holds the line.
  if (gzipKB > targetKB) console.log(`     target ${targetKB} KB: missed by ${(gzipKB - targetKB).toFixed(2)} KB`)
}
if (failed) process.exit(1)
