// Size check: the JavaScript a first visit loads (the entry and what index.html preloads),
// gzipped, must stay within the budget of the dashboard issue. Page chunks load on demand.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 200
const dist = new URL('../dist/', import.meta.url).pathname
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((match) => match[1])
if (initial.length === 0) throw new Error('no script found in dist/index.html')

let total = 0
for (const file of initial) {
  const gzipped = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
  total += gzipped
  console.log(`${file}  ${(gzipped / 1024).toFixed(1)} KB gzip`)
}
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+)"/g)].map((match) => match[1])
const cssSize = css.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0)
console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_KB} KB); CSS ${(cssSize / 1024).toFixed(1)} KB gzip`)
if (total > BUDGET_KB * 1024) {
  console.error(`over budget by ${((total - BUDGET_KB * 1024) / 1024).toFixed(1)} KB`)
  process.exit(1)
}
