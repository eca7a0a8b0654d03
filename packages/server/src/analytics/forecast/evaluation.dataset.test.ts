import { describe, expect, it } from 'vitest'
import { decimalE4, onlineRetailLines, splitCsvLine } from '../../test/online-retail-csv.js'
import { evaluateForecasts } from './evaluation.js'

/** Daily net revenue of online-retail (sales − refunds, `A` invoices and stock adjustments skipped), as bench/eval-forecast.mjs builds it. */
function dailyNetRevenue(): number[] {
  const byDay = new Map<string, bigint>()
  for (const line of onlineRetailLines()) {
    const [invoice = '', , , quantity = '0', date = '', price = '0'] = splitCsvLine(line)
    if (invoice.startsWith('A')) continue
    const qty = BigInt(quantity)
    if (!invoice.startsWith('C') && qty < 0n) continue
    const amount = (invoice.startsWith('C') ? -(qty < 0n ? -qty : qty) : qty) * decimalE4(price)
    const day = date.slice(0, 10)
    byDay.set(day, (byDay.get(day) ?? 0n) + amount)
  }
  const days = [...byDay.keys()].sort()
  const out: number[] = []
  const last = new Date(`${days[days.length - 1]}T00:00:00Z`)
  for (let d = new Date(`${days[0]}T00:00:00Z`); d <= last; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(Number(byDay.get(d.toISOString().slice(0, 10)) ?? 0n) / 10_000)
  }
  return out
}

// Loose floors on the benchmark (BENCHMARKS.md has the exact figures): a regression in the
// forecaster fails here. The same run as the benchmark (every model and the automatic choice), ~10 s.
describe('forecast accuracy on online-retail.csv.gz', () => {
  it('the daily backtest beats seasonal naive with roughly calibrated 80% intervals', () => {
    const series = dailyNetRevenue()
    expect(series.length).toBe(374)
    const rows = evaluateForecasts(series, { origins: 56, horizon: 7, period: 7, innerOrigins: 56 })
    const selected = rows.find((row) => row.method === 'selected')
    expect(selected?.points).toBe(371)
    expect(selected?.ratio).toBeLessThan(0.95)
    expect(selected?.coverage80).toBeGreaterThan(0.6)
    expect(selected?.coverage80).toBeLessThan(0.95)
  }, 60_000)
})
