// Full online-retail import through POST /v1/import: rows/s and seconds.
// Run: node bench/import.mjs   (after `npx turbo run build --filter=@rapport/server`)
// PostgreSQL when DATABASE_URL is set (a fresh database is created on it and dropped), else in-memory PGlite.
import { readFileSync } from 'node:fs'
import { ONLINE_RETAIL, startBenchServer } from './lib/bench-server.mjs'

const bench = await startBenchServer()
try {
  const body = readFileSync(ONLINE_RETAIL)
  const cpuBefore = process.cpuUsage()
  const start = performance.now()
  const response = await fetch(`${bench.url}/v1/import?format=online-retail`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bench.secretKey}`, 'content-type': 'application/gzip' },
    body,
  })
  const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line))
  const seconds = (performance.now() - start) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const summary = lines.at(-1)
  if (response.status !== 200 || summary?.type !== 'summary') throw new Error(`import failed: ${response.status} ${JSON.stringify(summary)}`)
  // The request also brings reports up to date with the imported days; the import itself is `seconds - analyticsSeconds`.
  const importSeconds = seconds - summary.analyticsSeconds
  const rowsPerSecond = Math.round(summary.rowsRead / importSeconds)
  console.log(`database     ${bench.kind}`)
  console.log(`rows         ${summary.rowsRead.toLocaleString('en')}`)
  console.log(`events       ${summary.events.accepted.toLocaleString('en')} accepted`)
  console.log(`seconds      ${importSeconds.toFixed(1)} import + ${summary.analyticsSeconds.toFixed(1)} rollups and RFM`)
  console.log(`rows/s       ${rowsPerSecond.toLocaleString('en')} (import only)`)
  // CPU of this process (the server, and PGlite when embedded): the figure to compare on a busy machine.
  console.log(`node CPU s   ${((cpu.user + cpu.system) / 1e6).toFixed(1)}`)
} finally {
  await bench.stop()
}
