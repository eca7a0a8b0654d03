// Next-best-product evaluation and association rules on the online-retail dataset (issue 5, "Measured").
// Window = the last 30 days of data; evaluated customers = those who buy in the window and bought
// before it. Each method sees only purchases before the window and recommends 10 products the
// customer never bought (non-products excluded); hit-rate@10, precision@10, recall@10 vs the baseline
// "most popular products (distinct customers) of the 90 days before the window".
// Parameters are chosen on a validation split: the 30 days before the window, predicted from the
// history before them. The test window is never used for tuning.
// Run: node bench/eval-recommend.mjs
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { build } from 'esbuild'

const FILE = fileURLToPath(new URL('../../shared/data/online-retail.csv.gz', import.meta.url))
const ENTRY = fileURLToPath(new URL('../packages/server/src/analytics/recommend/index.ts', import.meta.url))
const DAY = 86_400_000
const K = 10

const outfile = join(tmpdir(), `rapport-recommend-${process.pid}.mjs`)
await build({ entryPoints: [ENTRY], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' })
const { createProductFilter, mineAssociationRules, nextBestProducts, popularProducts } = await import(outfile)
rmSync(outfile)

/** Splits one CSV line; quoted fields may hold commas and doubled quotes. */
function splitCsvLine(line) {
  const fields = []
  let i = 0
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = ''
      i++
      while (i < line.length) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"'
            i += 2
          } else {
            i++
            break
          }
        } else value += line[i++]
      }
      fields.push(value)
      i++ // the comma
    } else {
      const comma = line.indexOf(',', i)
      const end = comma < 0 ? line.length : comma
      fields.push(line.slice(i, end))
      i = end + 1
    }
  }
  return fields
}

const lines = gunzipSync(readFileSync(FILE)).toString('utf8').split('\n')
const header = splitCsvLine(lines[0] ?? '')
const col = (name) => header.indexOf(name)
const [cInvoice, cCode, cDesc, cQty, cDate, cCustomer] = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'CustomerID'].map(col)
const purchases = [] // known customers only
const baskets = new Map() // invoice -> product ids, all sales (known customer or not)
const names = new Map()
let maxAt = 0
for (let n = 1; n < lines.length; n++) {
  const line = lines[n]
  if (!line) continue
  const f = splitCsvLine(line)
  const invoice = f[cInvoice]
  if (invoice.startsWith('A') || invoice.startsWith('C') || Number(f[cQty]) <= 0) continue
  const productId = f[cCode]
  if (!names.has(productId)) names.set(productId, f[cDesc].trim())
  let basket = baskets.get(invoice)
  if (!basket) {
    basket = []
    baskets.set(invoice, basket)
  }
  basket.push(productId)
  const at = Date.parse(`${f[cDate].replace(' ', 'T')}:00Z`)
  if (at > maxAt) maxAt = at
  if (f[cCustomer]) purchases.push({ customerId: f[cCustomer], productId, at })
}
const lastDay = Math.floor(maxAt / DAY) * DAY
const windowStart = lastDay - 29 * DAY // the last 30 calendar days, the last day included
const isProduct = createProductFilter()
const day = (t) => new Date(t).toISOString().slice(0, 10)

/** Customers buying in [from, to) who bought before `from`, with the never-before-bought products they bought. */
function split(from, to) {
  const before = new Map()
  const during = new Map()
  for (const p of purchases) {
    if (p.at < from) {
      if (!before.has(p.customerId)) before.set(p.customerId, new Set())
      before.get(p.customerId).add(p.productId)
    } else if (p.at < to) {
      if (!during.has(p.customerId)) during.set(p.customerId, new Set())
      during.get(p.customerId).add(p.productId)
    }
  }
  const customers = [...during.keys()].filter((c) => before.has(c)).sort()
  return { from, to, customers, before, during }
}

/** hit-rate@K, precision@K, recall@K (recall over the never-before-bought products bought in the window). */
function score(s, recs) {
  let hits = 0
  let precision = 0
  let recall = 0
  let recallN = 0
  for (const c of s.customers) {
    const bought = s.during.get(c)
    const fresh = [...bought].filter((p) => isProduct(p) && !s.before.get(c).has(p))
    const h = (recs.get(c) ?? []).filter((p) => bought.has(p)).length
    if (h > 0) hits++
    precision += h / K
    if (fresh.length > 0) {
      recall += h / fresh.length
      recallN++
    }
  }
  const n = s.customers.length
  return { hit: hits / n, precision: precision / n, recall: recall / recallN }
}

const history = (s) => purchases.filter((p) => p.at < s.from)
const ids = (recs) => new Map([...recs].map(([c, list]) => [c, list.map((r) => r.productId)]))

/** Plain item-to-item cosine over customers' product sets (the issue's "for scale" method). */
function itemCosine(s) {
  const items = new Map()
  const sets = []
  for (const [c, set] of s.before) {
    const list = [...set].filter(isProduct).map((p) => {
      if (!items.has(p)) items.set(p, items.size)
      return items.get(p)
    })
    sets.push([c, list])
  }
  const n = items.size
  const names = [...items.keys()]
  const co = new Float32Array(n * n)
  const count = new Float64Array(n)
  for (const [, list] of sets) {
    for (const i of list) {
      count[i]++
      for (const j of list) if (i !== j) co[i * n + j]++
    }
  }
  const owned = new Map(sets)
  const recs = new Map()
  for (const c of s.customers) {
    const own = owned.get(c) ?? []
    const ownSet = new Set(own)
    const sc = new Float64Array(n)
    for (const i of own) for (let j = 0; j < n; j++) if (co[i * n + j]) sc[j] += co[i * n + j] / Math.sqrt(count[i] * count[j])
    const order = []
    for (let j = 0; j < n; j++) if (sc[j] > 0 && !ownSet.has(j)) order.push(j)
    order.sort((a, b) => sc[b] - sc[a] || (names[a] < names[b] ? -1 : 1))
    recs.set(c, order.slice(0, K).map((j) => names[j]))
  }
  return recs
}

const fmt = (m) => `hit@10 ${m.hit.toFixed(4)}  precision@10 ${m.precision.toFixed(4)}  recall@10 ${m.recall.toFixed(4)}`

// 1. Validation: the 30 days before the window, from the history before them.
const validation = split(windowStart - 30 * DAY, windowStart)
const valHistory = history(validation)
const valBase = score(validation, popularProducts(valHistory, { asOf: validation.from, customerIds: validation.customers, days: 90 }))
console.log(`validation ${day(validation.from)} … ${day(validation.to - DAY)}: ${validation.customers.length} customers`)
console.log(`  baseline popular-90d                 ${fmt(valBase)}`)
const grid = []
for (const personalWeight of [0.5, 0.7, 0.85])
  for (const neighbourHalfLifeDays of [5, 10, 20])
    for (const popularityHalfLifeDays of [7, 14]) grid.push({ personalWeight, neighbourHalfLifeDays, popularityHalfLifeDays })
let best
for (const params of grid) {
  const m = score(validation, ids(nextBestProducts(valHistory, { asOf: validation.from, customerIds: validation.customers, ...params })))
  console.log(`  ${JSON.stringify(params).padEnd(85)} ${fmt(m)}  ×${(m.hit / valBase.hit).toFixed(3)}`)
  if (!best || m.hit > best.m.hit) best = { params, m }
}
console.log(`  chosen: ${JSON.stringify(best.params)}`)

// 2. Test window, never used above.
const test = split(windowStart, lastDay + DAY)
const testHistory = history(test)
console.log(`\ntest window ${day(test.from)} … ${day(test.to - DAY)}: ${test.customers.length} customers`)
const base = score(test, popularProducts(testHistory, { asOf: test.from, customerIds: test.customers, days: 90 }))
const rows = [['baseline: popular products of the 90 days before', base]]
rows.push(['item-to-item cosine (plain)', score(test, itemCosine(test))])
rows.push(['decayed popularity alone (personalWeight 0)', score(test, ids(nextBestProducts(testHistory, { asOf: test.from, customerIds: test.customers, personalWeight: 0 })))])
rows.push(['nextBestProducts, library defaults', score(test, ids(nextBestProducts(testHistory, { asOf: test.from, customerIds: test.customers })))])
rows.push(['nextBestProducts, chosen on validation', score(test, ids(nextBestProducts(testHistory, { asOf: test.from, customerIds: test.customers, ...best.params })))])
for (const [label, m] of rows) console.log(`  ${label.padEnd(50)} ${fmt(m)}  ×${(m.hit / base.hit).toFixed(3)} baseline hit-rate`)

// 3. Association rules on the full data (every sales invoice).
const started = performance.now()
const mined = mineAssociationRules(baskets.values(), { maxItemsetSize: 3 })
const ms = performance.now() - started
console.log(`\nassociation rules: ${mined.basketCount} baskets (${mined.skippedLargeBaskets} over 100 products left out), ${ms.toFixed(0)} ms with triples`)
const label = (id) => `${id} ${names.get(id) ?? ''}`
for (const r of mined.rules.slice(0, 10)) {
  console.log(
    `  ${r.antecedent.map(label).join(' + ')} → ${label(r.consequent)}  support ${r.supportCount} (${(r.support * 100).toFixed(2)}%)  confidence ${r.confidence.toFixed(3)}  lift ${r.lift.toFixed(1)}`,
  )
}
console.log('top 5 bundles:')
for (const b of mined.bundles.slice(0, 5)) console.log(`  ${b.productIds.map(label).join(' + ')}  support ${b.supportCount}  lift ${b.lift.toFixed(1)}`)
