// Forecast accuracy on the online-retail dataset: rolling-origin backtest of daily net revenue
// (last 8 weeks: 56 origins, horizon 7) and weekly net revenue (8 origins, horizon 4), for every
// candidate model, the automatic choice and the combination, next to seasonal naive.
// Run: node bench/eval-forecast.mjs [--window test|dev]
//   test (default): the issue's window, the last 56 days / 8 weeks.
//   dev: the 56 days / 8 weeks before it, which is where the method was developed, so the test
//   window stays unseen while iterating. dev2 / dev3: the 8 weeks before dev / before dev2 (earlier
//   history, a second and third check that a choice is not specific to one window).
// The forecasting library is TypeScript under packages/server/src/analytics/forecast; it is
// bundled on the fly with esbuild (a dependency of tsup) into a temporary directory and imported.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { build } from 'esbuild'

const FILE = fileURLToPath(new URL('../../shared/data/online-retail.csv.gz', import.meta.url))
const ENTRY = fileURLToPath(new URL('../packages/server/src/analytics/forecast/index.ts', import.meta.url))
const windowArg = process.argv.includes('--window') ? process.argv[process.argv.indexOf('--window') + 1] : 'test'
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback)
// Method switches, for trying alternatives on the dev window; the defaults are the library's:
// --choose best|combination, --combine N, --combine-with mean|median|weighted, --winsorize K,
// --interval-origins N, --interval-scale level|residual|forecast, --interval-adapt N (points),
// --interval-errors chosen|online, --exclude model,model (daily candidates left out),
// --add model,model (daily candidates added from EXTRA_MODEL_NAMES, e.g. ses_boxcox, bagged_ets,
//   thief, thief_variance, seasonal_naive_drift),
// --combine-across rank|families (the best N, or the best model of each family).
const method = { choose: arg('--choose', 'combination'), combineWith: arg('--combine-with', 'mean'), combine: Number(arg('--combine', '2')), ...(process.argv.includes('--combine-across') ? { combineAcross: arg('--combine-across', 'rank') } : {}), ...(process.argv.includes('--winsorize') ? { winsorize: Number(arg('--winsorize', '0')) } : {}), ...(process.argv.includes('--interval-origins') ? { intervalOrigins: Number(arg('--interval-origins', '56')) } : {}), ...(process.argv.includes('--interval-scale') ? { intervalScale: arg('--interval-scale', 'level') } : {}), ...(process.argv.includes('--interval-adapt') ? { intervalAdapt: Number(arg('--interval-adapt', '0')) } : {}), ...(process.argv.includes('--interval-errors') ? { intervalErrors: arg('--interval-errors', 'chosen') } : {}) }
const WINDOWS = { test: 0, dev: 1, dev2: 2, dev3: 3 }
if (!(windowArg in WINDOWS)) throw new Error(`--window must be test, dev, dev2 or dev3, not ${windowArg}`)

/** Splits one CSV line into fields: quoted fields may hold commas and doubled quotes. */
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
        } else {
          value += line[i]
          i++
        }
      }
      fields.push(value)
      i++ // the comma after the closing quote
    } else {
      const comma = line.indexOf(',', i)
      const end = comma === -1 ? line.length : comma
      fields.push(line.slice(i, end))
      i = end + 1
    }
  }
  return fields
}

/** Net revenue per UK-local day (pence-exact sums, returned in pounds). */
function dailyNetRevenue(text) {
  const lines = text.split('\n')
  const header = splitCsvLine(lines[0] ?? '')
  const col = (name) => {
    const index = header.indexOf(name)
    if (index === -1) throw new Error(`missing column ${name}`)
    return index
  }
  const [INV, QTY, DATE, PRICE] = [col('InvoiceNo'), col('Quantity'), col('InvoiceDate'), col('UnitPrice')]
  const pence = new Map()
  let rows = 0
  for (let l = 1; l < lines.length; l++) {
    const line = lines[l]
    if (!line) continue
    rows++
    const f = splitCsvLine(line)
    const invoice = f[INV]
    const qty = Number(f[QTY])
    const price = Math.round(Number(f[PRICE]) * 1000) // tenths of a penny: some prices have 3 decimals
    const day = f[DATE].slice(0, 10)
    if (invoice.startsWith('A')) continue // bad-debt adjustments
    let amount
    if (invoice.startsWith('C')) amount = -Math.abs(qty) * price
    else if (qty < 0) continue // stock adjustments, not money
    else amount = qty * price
    pence.set(day, (pence.get(day) ?? 0) + amount)
  }
  return { byDay: pence, rows }
}

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

const text = gunzipSync(readFileSync(FILE)).toString('utf8')
const { byDay, rows } = dailyNetRevenue(text)
const days = [...byDay.keys()].sort()
const first = days[0]
const last = days[days.length - 1]
const dates = []
for (let d = first; d <= last; d = addDays(d, 1)) dates.push(d)
const daily = dates.map((d) => (byDay.get(d) ?? 0) / 1000)

if (process.argv.includes('--dump')) {
  for (let i = 0; i < dates.length; i++) {
    const weekday = new Date(`${dates[i]}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })
    console.log(dates[i], weekday, daily[i].toFixed(2))
  }
  process.exit(0)
}

// Weekly totals over 7-day blocks that end on the last day, so every week is complete (the
// first, partial block is dropped).
const weekly = []
for (let end = daily.length; end - 7 >= 0; end -= 7) weekly.unshift(daily.slice(end - 7, end).reduce((a, b) => a + b, 0))

const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-forecast-'))
let lib
try {
  const outfile = path.join(dir, 'forecast.mjs')
  await build({ entryPoints: [ENTRY], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' })
  lib = await import(pathToFileURL(outfile).href)
} finally {
  rmSync(dir, { recursive: true, force: true })
}

// dev: the same evaluation ending where the test window starts (no test actuals are seen).
const cut = (series, origins) => series.slice(0, series.length - WINDOWS[windowArg] * origins)

function report(title, series, options) {
  const started = performance.now()
  const rows = lib.evaluateForecasts(cut(series, options.origins), { ...method, ...options })
  const seconds = (performance.now() - started) / 1000
  console.log(`\n${title} — ${options.origins} origins, horizon ${options.horizon}, ${seconds.toFixed(1)} s`)
  console.log('| method | MASE | × seasonal naive | sMAPE | coverage80 | coverage95 | interval score80 | points |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  const pct = (v) => (Number.isNaN(v) ? '—' : `${(100 * v).toFixed(1)}%`)
  for (const row of rows) {
    const name = row.method === 'baseline' ? 'seasonal naive (raw series, baseline)' : row.method
    console.log(`| ${name} | ${row.mase.toFixed(3)} | ${row.ratio.toFixed(3)} | ${pct(row.smape)} | ${pct(row.coverage80)} | ${pct(row.coverage95)} | ${Number.isNaN(row.intervalScore80) ? '—' : row.intervalScore80.toFixed(2)} | ${row.points} |`)
    if (row.choices) console.log(`|  ↳ choices | ${Object.entries(row.choices).map(([k, v]) => `${k} ×${v}`).join(', ')} | | | | | | |`)
  }
}

const lastDay = dates[dates.length - 1]
console.log(`online-retail: ${rows} rows, ${daily.length} days (${dates[0]} … ${lastDay}), ${weekly.length} full weeks; window: ${windowArg}`)
console.log(`method: ${JSON.stringify(method)}`)
console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.platform()} ${os.release()}`)
const exclude = arg('--exclude', '').split(',').filter(Boolean)
const add = arg('--add', '').split(',').filter(Boolean)
for (const model of add) if (!lib.EXTRA_MODEL_NAMES.includes(model)) throw new Error(`--add: ${model} is not one of ${lib.EXTRA_MODEL_NAMES.join(', ')}`)
const dailyModels = [...lib.MODEL_NAMES, ...add].filter((m) => !exclude.includes(m))
report('Daily net revenue', daily, { origins: 56, horizon: 7, period: 7, innerOrigins: 56, ...(exclude.length + add.length > 0 ? { models: dailyModels } : {}) })
report('Weekly net revenue', weekly, {
  origins: 8,
  horizon: 4,
  period: 1,
  innerOrigins: 16,
  models: ['seasonal_naive', 'ses', 'damped_trend', 'theta'],
})
