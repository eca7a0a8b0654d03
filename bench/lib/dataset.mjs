// The online-retail sample as the benchmarks send it: the whole file, or (quick mode) its first lines.
import { readFileSync } from 'node:fs'
import { gunzipSync, gzipSync } from 'node:zlib'
import { ONLINE_RETAIL } from './bench-server.mjs'

export const QUICK_LINES = 10_000

/**
 * @param {{ quick: boolean }} options
 * @returns {{ gzip: Buffer, csv: Buffer, lines: number }} `lines` excludes the header
 */
export function loadDataset({ quick }) {
  const gzip = readFileSync(ONLINE_RETAIL)
  let csv = gunzipSync(gzip)
  if (quick) {
    let end = 0
    for (let line = 0; line <= QUICK_LINES; line++) end = csv.indexOf(10, end) + 1
    csv = csv.subarray(0, end)
  }
  let lines = -1
  for (let index = csv.indexOf(10); index !== -1; index = csv.indexOf(10, index + 1)) lines++
  return { gzip: quick ? gzipSync(csv) : gzip, csv, lines }
}
