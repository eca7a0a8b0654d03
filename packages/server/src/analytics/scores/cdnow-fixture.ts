import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { DatedPurchase } from './customer-summary.js'

/** Test fixture: the CDNOW sample of Fader, Hardie & Lee (see ../shared/data/cdnow/README.md). */
const DIRECTORY = fileURLToPath(new URL('../../../../../../shared/data/cdnow/', import.meta.url))

/** Day number (days since 1970-01-01) of a YYYYMMDD date. */
export function dayNumber(yyyymmdd: string): number {
  return Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / 86_400_000
}

/** Last day of the 39-week calibration period. */
export const CDNOW_CALIBRATION_LAST_DAY = dayNumber('19970930')

/** The 6,919 purchases: customer = sample id, value = dollar value. */
export function readCdnowPurchases(): DatedPurchase[] {
  const text = readFileSync(`${DIRECTORY}cdnow-sample-transactions.txt`, 'utf8')
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length === 5)
    .map(([, sampleId = '', date = '', , dollars = '']) => ({ customerId: String(Number(sampleId)), day: dayNumber(date), value: Number(dollars) }))
}

/** The published calibration summary: id → frequency, recency and T in weeks (2 decimals). */
export function readCdnowSummary(): Map<string, { frequency: number; recency: number; age: number }> {
  const rows = readFileSync(`${DIRECTORY}cdnow-sample-summary.csv`, 'utf8').trim().split('\n').slice(1)
  return new Map(
    rows.map((row) => {
      const [id = '', frequency = '', recency = '', age = ''] = row.split(',')
      return [id, { frequency: Number(frequency), recency: Number(recency), age: Number(age) }]
    }),
  )
}
