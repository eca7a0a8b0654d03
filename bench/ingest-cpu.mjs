// Where ingestion's CPU goes: one run of the ingestion benchmark's load (SDK clients in a child
// process → this process's server → PostgreSQL), with the CPU time of each part per event, read
// from /proc (Linux only). For A/B comparisons of the write path under the same load; a profile
// of the server: add `node --cpu-prof`; of the clients: PROF_CLIENTS=<dir>.
// Run: DATABASE_URL=… PGDIR=<the cluster's data directory> node bench/ingest-cpu.mjs [events=50000] [clients=4]
import { execFile } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startBenchServer } from './lib/bench-server.mjs'

const TICK = 100
function procTimes(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return { self: (Number(f[11]) + Number(f[12])) / TICK, children: (Number(f[13]) + Number(f[14])) / TICK }
}
const PM = Number(readFileSync(`${process.env.PGDIR ?? '/tmp/rapport-pg-bench'}/postmaster.pid`, 'utf8').split('\n')[0])
function postgresCpu() {
  let total = 0
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (Number(pid) !== PM && ppid !== PM) continue
      const t = procTimes(pid)
      total += t.self + t.children
    } catch {}
  }
  return total
}
const events = Number(process.argv[2] ?? 50000)
const bench = await startBenchServer({ postgres: process.env.DATABASE_URL })
const before = { server: procTimes(process.pid), pg: postgresCpu(), wall: performance.now() }
const input = JSON.stringify({ url: bench.url, key: bench.secretKey, clients: Number(process.argv[3] ?? 4), events, tag: 'p' })
await promisify(execFile)(process.execPath, [...(process.env.PROF_CLIENTS ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_CLIENTS}`] : []), fileURLToPath(new URL('./lib/sdk-clients.mjs', import.meta.url)), input], { maxBuffer: 64 * 2 ** 20 })
const after = { server: procTimes(process.pid), pg: postgresCpu(), wall: performance.now() }
const us = (s) => ((s * 1e6) / events).toFixed(1)
const server = after.server.self - before.server.self
const clients = after.server.children - before.server.children
const pg = after.pg - before.pg
const wall = (after.wall - before.wall) / 1000
console.log(`wall ${wall.toFixed(2)} s = ${(events / wall).toFixed(0)} ev/s; CPU µs/event: server ${us(server)}, clients ${us(clients)}, postgres ${us(pg)}, total ${us(server + clients + pg)} (${((server + clients + pg) / wall).toFixed(2)} cores busy)`)
await bench.stop()
process.exit(0)
