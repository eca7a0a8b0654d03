// Customer scores. First the CDNOW check (published BG/NBD and Gamma–Gamma fits), then on the
// online-retail dataset: BG/NBD fitted on the calibration period (to
// 2011-08-31), predicted vs actual transactions from 2011-09-01 to the end of the data
// (2011-12-09), plain and with a seasonal adjustment; the Gamma–Gamma fit and the
// frequency/value correlation.
// Run: node bench/eval-scores.mjs
// The scores module is TypeScript inside the server, which tsup does not build as an entry, so it
// is bundled here with esbuild into a temporary file and imported.
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { build } from 'esbuild'

const FILE = fileURLToPath(new URL('../../shared/data/online-retail.csv.gz', import.meta.url))
const ENTRY = fileURLToPath(new URL('../packages/server/src/analytics/scores/index.ts', import.meta.url))

const outfile = join(tmpdir(), `rapport-scores-${process.pid}.mjs`)
await build({ entryPoints: [ENTRY], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' })
const scores = await import(outfile)
rmSync(outfile)

/** Day number (days since 1970-01-01) of a YYYY-MM-DD date (UK local calendar day, no time zone). */
const dayOf = (date) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
const dateOf = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10)

/** Splits CSV text into rows of fields: quoted fields may hold commas, quotes ("") and newlines. */
function* csvRows(text) {
  let field = ''
  let row = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch !== '"') field += ch
      else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else quoted = false
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n') {
      row.push(field)
      yield row
      row = []
      field = ''
    } else if (ch !== '\r') field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    yield row
  }
}

// CDNOW sample (Fader, Hardie & Lee 2005): the published BG/NBD and Gamma–Gamma fits, in weeks.
{
  const directory = fileURLToPath(new URL('../../shared/data/cdnow/', import.meta.url))
  const compact = (yyyymmdd) => dayOf(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`)
  const purchases = readFileSync(`${directory}cdnow-sample-transactions.txt`, 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length === 5)
    .map(([, id, date, , dollars]) => ({ customerId: id, day: compact(date), value: Number(dollars) }))
  const lastDay = compact('19970930')
  const cdnow = [...scores.summarizeCustomers(purchases, { lastDay, unitDays: 7 }).values()]
  const fit = scores.fitBgNbd(cdnow)
  const { r, alpha, a, b } = fit.params
  console.log(`CDNOW BG/NBD (weeks), ${fit.customers} customers: r = ${r.toFixed(4)}, α = ${alpha.toFixed(4)}, a = ${a.toFixed(4)}, b = ${b.toFixed(4)}, log-likelihood ${fit.logLikelihood.toFixed(2)}`)
  const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
  const predicted = cdnow.reduce((sum, c) => sum + scores.expectedTransactions(published, c, 39), 0)
  const actualDays = new Set(purchases.filter((p) => p.day > lastDay).map((p) => `${p.customerId}|${p.day}`)).size
  console.log(`  weeks 40–78 with the published estimates: predicted ${predicted.toFixed(1)}, actual ${actualDays} purchase days`)
  const gg = scores.fitGammaGamma(cdnow)
  console.log(
    `  Gamma–Gamma, ${gg.customers} repeat customers: p = ${gg.params.p.toFixed(3)}, q = ${gg.params.q.toFixed(3)}, γ = ${gg.params.gamma.toFixed(2)}, ` +
      `correlation(frequency, mean value) = ${gg.frequencyMonetaryCorrelation.toFixed(3)}\n`,
  )
}

const CUTOFF = dayOf('2011-09-01')
const LAST_CALIBRATION_DAY = CUTOFF - 1

// Net purchase value per (known customer, day): invoices minus refunds ('C' invoices).
const started = performance.now()
const net = new Map()
let header = true
for (const [invoice = '', , , quantity, date = '', price, customer] of csvRows(gunzipSync(readFileSync(FILE)).toString('utf8'))) {
  if (header) {
    header = false
    continue
  }
  if (!customer || invoice.startsWith('A')) continue
  const q = Number(quantity)
  if (q < 0 && !invoice.startsWith('C')) continue
  const key = `${customer}|${dayOf(date)}`
  net.set(key, (net.get(key) ?? 0) + q * Number(price))
}
const transactions = []
for (const [key, value] of net) {
  if (value <= 0) continue
  const [customerId, day] = key.split('|')
  transactions.push({ customerId, day: Number(day), value })
}
const lastDay = Math.max(...transactions.map((t) => t.day))
const horizon = lastDay - LAST_CALIBRATION_DAY
console.log(
  `read ${net.size} customer-days, ${transactions.length} transactions (positive net days) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)
console.log(`calibration: to ${dateOf(LAST_CALIBRATION_DAY)}; holdout: ${dateOf(CUTOFF)} to ${dateOf(lastDay)} (${horizon} days)`)

const summaries = scores.summarizeCustomers(transactions, { lastDay: LAST_CALIBRATION_DAY, unitDays: 1 })
const actual = new Map()
const actualValue = new Map()
for (const t of transactions) {
  if (t.day <= LAST_CALIBRATION_DAY || !summaries.has(t.customerId)) continue
  actual.set(t.customerId, (actual.get(t.customerId) ?? 0) + 1)
  actualValue.set(t.customerId, (actualValue.get(t.customerId) ?? 0) + t.value)
}

// BG/NBD
const fitStarted = performance.now()
const fit = scores.fitBgNbd([...summaries.values()])
const fitSeconds = (performance.now() - fitStarted) / 1000
const { r, alpha, a, b } = fit.params
console.log(`\nBG/NBD (days), ${fit.customers} customers: r = ${r.toFixed(4)}, α = ${alpha.toFixed(3)}, a = ${a.toPrecision(3)}, b = ${b.toPrecision(4)}`)
console.log(`  log-likelihood ${fit.logLikelihood.toFixed(2)}, converged ${fit.converged} in ${fit.iterations} iterations, ${fitSeconds.toFixed(2)} s`)
const meanDropout = a / (a + b)
const meanPAlive = [...summaries.values()].reduce((s, c) => s + scores.probabilityAlive(fit.params, c), 0) / summaries.size
console.log(`  mean dropout probability per transaction a/(a + b) = ${meanDropout.toPrecision(3)}; mean P(alive) = ${meanPAlive.toFixed(4)}`)

// Seasonal index from data before the cut-off only: transactions per calendar day in the part of
// last year's same season that the data holds (2010-12-01 to 2010-12-09, the same calendar days
// as the end of the holdout) over the three months before the cut-off (June–August 2011).
const daily = new Map()
for (const t of transactions) if (t.day <= LAST_CALIBRATION_DAY) daily.set(t.day, (daily.get(t.day) ?? 0) + 1)
const season = { first: dayOf('2010-12-01'), last: dayOf('2010-12-09') }
const baseline = { first: dayOf('2011-06-01'), last: LAST_CALIBRATION_DAY }
const seasonal = scores.seasonalIndex(daily, { season, baseline })
// Last year's season is only seen at its peak (the data starts in December), so the rate is taken to
// rise linearly from the usual rate at the cut-off to index × by the same calendar day this year
// (the middle of the season window + 365 days), and the BG/NBD horizon is replaced by its
// operational length (seasonalHorizon). The flat alternative (index × for the whole period) is
// printed too.
const peakAt = (season.first + season.last) / 2 + 365 - LAST_CALIBRATION_DAY
const operational = scores.seasonalHorizon(horizon, seasonal.index, peakAt)
console.log(
  `\nseasonal index: ${seasonal.seasonRate.toFixed(1)} transactions/day in ${dateOf(season.first)}..${dateOf(season.last)} ÷ ` +
    `${seasonal.baselineRate.toFixed(1)}/day in ${dateOf(baseline.first)}..${dateOf(baseline.last)} = ${seasonal.index.toFixed(3)}`,
)
console.log(
  `  ramp from 1 at ${dateOf(LAST_CALIBRATION_DAY)} to ${seasonal.index.toFixed(3)} at ${dateOf(LAST_CALIBRATION_DAY + peakAt)}: ` +
    `operational horizon ${operational.toFixed(1)} days for ${horizon} calendar days`,
)

// Sensitivity to the choice of baseline window (not used above): the index and the adjusted total.
const sensitivity = []
for (const first of ['2011-01-01', '2011-03-01']) {
  const alternative = scores.seasonalIndex(daily, { season, baseline: { first: dayOf(first), last: LAST_CALIBRATION_DAY } })
  const t = scores.seasonalHorizon(horizon, alternative.index, peakAt)
  let total = 0
  for (const summary of summaries.values()) total += scores.expectedTransactions(fit.params, summary, t)
  sensitivity.push(`baseline from ${first}: index ${alternative.index.toFixed(3)}, adjusted total ${total.toFixed(0)}`)
}

const rows = []
for (const [customerId, summary] of summaries) {
  rows.push({
    summary,
    plain: scores.expectedTransactions(fit.params, summary, horizon),
    adjusted: scores.expectedTransactions(fit.params, summary, operational),
    flat: scores.expectedTransactions(fit.params, summary, seasonal.index * horizon),
    actual: actual.get(customerId) ?? 0,
    actualValue: actualValue.get(customerId) ?? 0,
  })
}
const sum = (list, pick) => list.reduce((s, row) => s + pick(row), 0)
const totalActual = sum(rows, (row) => row.actual)
const totalPlain = sum(rows, (row) => row.plain)
const totalAdjusted = sum(rows, (row) => row.adjusted)
const pct = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`
console.log(`\nholdout transactions of the ${rows.length} calibration customers:`)
console.log(`  actual                          ${totalActual}`)
console.log(`  plain BG/NBD                    ${totalPlain.toFixed(0)} (${pct(totalPlain / totalActual - 1)})`)
console.log(`  seasonal ramp (adjusted)        ${totalAdjusted.toFixed(0)} (${pct(totalAdjusted / totalActual - 1)})`)
const totalFlat = sum(rows, (row) => row.flat)
console.log(`  flat index all period           ${totalFlat.toFixed(0)} (${pct(totalFlat / totalActual - 1)})`)

console.log(`  sensitivity: ${sensitivity.join('; ')}`)

console.log('\ncalibration table (by calibration-period repeat transactions x):')
console.log('  x     customers  mean plain  mean adjusted  mean actual')
for (let x = 0; x <= 7; x++) {
  const group = rows.filter((row) => (x === 7 ? row.summary.frequency >= 7 : row.summary.frequency === x))
  const mean = (pick) => (sum(group, pick) / group.length).toFixed(3)
  console.log(
    `  ${(x === 7 ? '7+' : String(x)).padEnd(4)}  ${String(group.length).padStart(9)}  ${mean((row) => row.plain).padStart(10)}  ${mean((row) => row.adjusted).padStart(13)}  ${mean((row) => row.actual).padStart(11)}`,
  )
}

// Gamma–Gamma on repeat customers' mean repeat-transaction value.
const gg = scores.fitGammaGamma([...summaries.values()])
const { p, q, gamma } = gg.params
console.log(`\nGamma–Gamma, ${gg.customers} repeat customers: p = ${p.toFixed(3)}, q = ${q.toFixed(3)}, γ = ${gamma.toFixed(2)}, log-likelihood ${gg.logLikelihood.toFixed(1)}`)
console.log(`  population mean value per transaction pγ/(q − 1) = ${((p * gamma) / (q - 1)).toFixed(2)}`)
console.log(`  correlation(frequency, mean value) = ${gg.frequencyMonetaryCorrelation.toFixed(3)} (the model assumes independence)`)

// Expected value per transaction vs the holdout mean value, for customers who bought in the holdout.
const buyers = rows.filter((row) => row.actual > 0)
const predictedValue = sum(buyers, (row) => scores.expectedAverageValue(gg.params, row.summary)) / buyers.length
const actualMeanValue = sum(buyers, (row) => row.actualValue / row.actual) / buyers.length
console.log(`  holdout buyers (${buyers.length}): mean expected value ${predictedValue.toFixed(2)}, mean actual value per transaction ${actualMeanValue.toFixed(2)}`)

// Holdout revenue: expected transactions × expected value vs actual net purchase value.
const revenueActual = sum(rows, (row) => row.actualValue)
const revenuePlain = sum(rows, (row) => row.plain * scores.expectedAverageValue(gg.params, row.summary))
const revenueAdjusted = sum(rows, (row) => row.adjusted * scores.expectedAverageValue(gg.params, row.summary))
console.log(`\nholdout value (positive net purchase days): actual £${revenueActual.toFixed(0)}`)
console.log(`  plain £${revenuePlain.toFixed(0)} (${pct(revenuePlain / revenueActual - 1)}), seasonal £${revenueAdjusted.toFixed(0)} (${pct(revenueAdjusted / revenueActual - 1)})`)

const clvStarted = performance.now()
let clv365 = 0
for (const summary of summaries.values()) clv365 += scores.scoreCustomer(fit.params, gg.params, summary, { annualDiscountRate: 0.1 }).predictedClv365
console.log(
  `\nscoreCustomer for all ${summaries.size} customers (10%/year discount): total predicted CLV over 365 days £${clv365.toFixed(0)}, ` +
    `${(performance.now() - clvStarted).toFixed(0)} ms`,
)
