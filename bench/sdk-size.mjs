// Bundle size of the same minimal usage (init + identify + track a purchase) with our SDK and with
// the browser SDKs users would otherwise pick, bundled the same way: esbuild, minified, browser
// platform, ES2022, code splitting on (lazy chunks apart), gzip -9. "Initial" is the entry and the
// chunks it imports statically (what a page loads first); "all" adds the chunks loaded with
// `import()`. Code a peer fetches from its CDN at run time (plugins, destinations) is not counted.
// Run: node bench/sdk-size.mjs   (after `npx tsup` in packages/sdk)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { fmt } from './lib/stats.mjs'

const PURCHASE = "{ orderId: 'A-1001', customerId: 'user-42', amount: '49.90', currency: 'EUR', items: [{ productId: 'mug', quantity: 2, unitPrice: '24.95' }] }"
const TRAITS = "{ email: 'ann@example.com', name: 'Ann', plan: 'pro' }"
const PRODUCTS = "{ order_id: 'A-1001', revenue: 49.9, currency: 'EUR', products: [{ product_id: 'mug', quantity: 2, price: 24.95 }] }"

/** The minimal usage per SDK: the code an app writes, bundled from the installed package. */
export const USAGES = [
  {
    name: '@rapport/sdk/ingest',
    ours: true,
    code: `import { createIngestClient } from '@rapport/sdk/ingest'
const crm = createIngestClient({ apiKey: 'rk_pub_bench', host: '/crm' })
crm.identify('user-42', ${TRAITS})
crm.purchase(${PURCHASE})`,
  },
  {
    name: '@rapport/sdk',
    ours: true,
    code: `import { createCRM } from '@rapport/sdk'
const crm = createCRM({ apiKey: 'rk_pub_bench', host: '/crm' })
crm.identify('user-42', ${TRAITS})
crm.purchase(${PURCHASE})`,
  },
  {
    name: '@segment/analytics-next',
    code: `import { AnalyticsBrowser } from '@segment/analytics-next'
const analytics = AnalyticsBrowser.load({ writeKey: 'bench' })
analytics.identify('user-42', ${TRAITS})
analytics.track('Order Completed', ${PRODUCTS})`,
  },
  {
    name: 'posthog-js',
    code: `import posthog from 'posthog-js'
posthog.init('phc_bench', { api_host: '/ph' })
posthog.identify('user-42', ${TRAITS})
posthog.capture('purchase', ${PRODUCTS})`,
  },
  {
    name: 'mixpanel-browser',
    code: `import mixpanel from 'mixpanel-browser'
mixpanel.init('bench', { api_host: '/mp' })
mixpanel.identify('user-42')
mixpanel.people.set(${TRAITS})
mixpanel.track('purchase', ${PRODUCTS})`,
  },
]

const version = (name) => {
  const path = name.startsWith('@rapport/') ? '../packages/sdk/package.json' : `../node_modules/${name}/package.json`
  return JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')).version
}

/** Bundles one usage; returns minified and gzip bytes, initial and all chunks. */
export async function bundleSize(usage) {
  const outdir = mkdtempSync(join(tmpdir(), 'rapport-size-'))
  try {
    const result = await build({
      stdin: { contents: usage.code, resolveDir: fileURLToPath(new URL('.', import.meta.url)), sourcefile: 'usage.js', loader: 'js' },
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir,
      write: false,
      metafile: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    })
    const files = new Map(result.outputFiles.filter((file) => file.path.endsWith('.js')).map((file) => [file.path.slice(outdir.length + 1), file.contents]))
    const outputs = result.metafile.outputs
    const key = (path) => path.replace(/^.*?rapport-size-[^/]+\//, '')
    const entry = Object.keys(outputs).find((path) => /\/stdin\.js$/.test(path))
    // The entry and everything it imports statically, transitively.
    const initial = new Set()
    const visit = (path) => {
      if (initial.has(key(path))) return
      initial.add(key(path))
      for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
    visit(entry)
    const sum = (names, measure) => names.reduce((total, name) => total + measure(files.get(name) ?? new Uint8Array()), 0)
    const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length
    const raw = (bytes) => bytes.length
    const all = [...files.keys()]
    return {
      initialMin: sum([...initial], raw),
      initialGzip: sum([...initial], gzip),
      allMin: sum(all, raw),
      allGzip: sum(all, gzip),
      chunks: all.length,
      chunkSizes: all.map((name) => ({ name, gzip: gzip(files.get(name)) })).sort((a, b) => b.gzip - a.gzip),
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}

const kb = (bytes) => `${fmt(bytes / 1024)} KB`

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('  bundle of init + identify + track a purchase (esbuild, minify, browser, splitting; gzip -9):')
  const sizes = []
  for (const usage of USAGES) {
    const size = await bundleSize(usage)
    sizes.push({ ...usage, ...size })
    const label = `${usage.name} ${version(usage.name)}`
    console.log(
      `  ${label.padEnd(36)} initial ${kb(size.initialMin).padStart(9)} min ${kb(size.initialGzip).padStart(9)} gzip; all ${size.chunks} chunks ${kb(size.allMin).padStart(9)} min ${kb(size.allGzip).padStart(9)} gzip`,
    )
  }
  // The goal is read on the initial chunks, ours and the peers' alike: what a page loads before any
  // `import()` (Segment imports parts of itself lazily, and so does our read API). Our all-chunks
  // size against the peer's initial chunks is printed too, the stricter reading.
  const peers = sizes.filter((size) => !size.ours)
  const smallest = peers.reduce((best, size) => (size.initialGzip < best.initialGzip ? size : best))
  const smallestAll = peers.reduce((best, size) => (size.allGzip < best.allGzip ? size : best))
  for (const ours of sizes.filter((size) => size.ours)) {
    const ratio = ours.initialGzip / smallest.initialGzip
    console.log(
      `  ${ours.name.padEnd(36)} ${fmt(ratio)} × the smallest peer (${smallest.name}, initial chunks, gzip) — goal ≤ 0.2×: ${ratio <= 0.2 ? 'met' : 'missed'}; all our chunks ${fmt(ours.allGzip / smallest.initialGzip)} × its initial, ${fmt(ours.allGzip / smallestAll.allGzip)} × its all chunks`,
    )
  }
  if (process.argv.includes('--chunks')) {
    for (const size of sizes) console.log(`  ${size.name}: ${size.chunkSizes.map((chunk) => `${chunk.name} ${kb(chunk.gzip)}`).join(', ')}`)
  }
}
