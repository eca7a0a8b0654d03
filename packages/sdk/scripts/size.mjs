// Bundles each built entry for browsers (minified, tree-shaken, split at `import()` as an app's
// bundler would) and fails when its gzip size passes the budget: "initial" is the entry and what
// it imports statically (what a page loads first), "all" adds the chunks loaded with `import()`
// (the read API of `@rapport/sdk`). It measures `dist/` — what is published — so run the build
// first (`turbo run test` does).
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const BUDGETS = [
  // Issue 3: the browser ingestion API (createIngestClient, identify/purchase/refund/track,
  // persistence, unload flush, the error tree) in about 6 KB (6.01 KB since the request helper
  // also serves the read API).
  { entry: 'dist/ingest.js', name: '@rapport/sdk/ingest', initialKB: 6.05, allKB: 6.05 },
  // Issue 10: the full SDK's first load within 0.2 × the smallest peer's (Segment, 31.4 KB → 6.28 KB)
  // for the minimal usage (`node bench/sdk-size.mjs`: 6.24 KB); here every export is kept, hence a
  // little more. The read API comes in a lazy chunk.
  { entry: 'dist/index.js', name: '@rapport/sdk', initialKB: 6.35, allKB: 6.85 },
]

const root = fileURLToPath(new URL('..', import.meta.url))
const gzipKB = (files) => files.reduce((total, file) => total + gzipSync(file.contents, { level: 9 }).length, 0) / 1024
let failed = false
for (const { entry, name, initialKB, allKB } of BUDGETS) {
  if (!existsSync(new URL(`../${entry}`, import.meta.url))) {
    console.log(`FAIL ${name}: ${entry} is missing; run \`npm run build\` first`)
    failed = true
    continue
  }
  const outdir = mkdtempSync(join(tmpdir(), 'rapport-sdk-size-'))
  try {
    const result = await build({
      entryPoints: { entry },
      absWorkingDir: root,
      bundle: true,
      minify: true,
      splitting: true,
      write: false,
      outdir,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      // Fails the build on any `node:` import, so the browser bundle cannot depend on Node.
      external: [],
      logLevel: 'error',
    })
    const outputs = result.metafile.outputs
    const relative = (path) => join(root, path)
    const initial = new Set()
    const visit = (path) => {
      if (initial.has(path)) return
      initial.add(path)
      for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path)
    }
    visit(Object.keys(outputs).find((path) => path.endsWith('/entry.js')))
    const js = result.outputFiles.filter((file) => file.path.endsWith('.js'))
    const first = js.filter((file) => [...initial].some((path) => relative(path) === file.path))
    const [initialSize, allSize] = [gzipKB(first), gzipKB(js)]
    const ok = initialSize <= initialKB && allSize <= allKB
    failed ||= !ok
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${name}: initial ${initialSize.toFixed(2)} KB gzip (budget ${initialKB} KB); all ${js.length} chunk(s) ${allSize.toFixed(2)} KB gzip (budget ${allKB} KB)`,
    )
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}
if (failed) process.exit(1)
