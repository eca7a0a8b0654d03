// Bundles each built entry for browsers (minified, tree-shaken, as an app's
// bundler would) and fails when its gzip size passes the budget. It measures
// `dist/` — what is published — so run the build first (`turbo run test` does).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const BUDGETS = [
  // Issue 3: the browser ingestion API (createIngestClient, identify/purchase/refund/track,
  // persistence, unload flush, the error tree) in at most 6 KB.
  { entry: 'dist/ingest.js', name: '@rapport/sdk/ingest', maxKB: 6 },
  { entry: 'dist/index.js', name: '@rapport/sdk', maxKB: 15 },
]

const root = fileURLToPath(new URL('..', import.meta.url))
let failed = false
for (const { entry, name, maxKB } of BUDGETS) {
  if (!existsSync(new URL(`../${entry}`, import.meta.url))) {
    console.log(`FAIL ${name}: ${entry} is missing; run \`npm run build\` first`)
    failed = true
    continue
  }
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
}
if (failed) process.exit(1)
