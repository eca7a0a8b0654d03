// What the figures were measured on: machine, load, versions. Printed at the top of every run.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { adminQuery, PSQL } from './postgres.mjs'

const packageVersion = (name) => {
  try {
    return JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version
  } catch {
    return 'not installed'
  }
}

const osName = () => /PRETTY_NAME="([^"]*)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform

const commit = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()
  } catch {
    return 'unknown'
  }
}

/** Load average, 1/5/15 minutes, as printed. */
export const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ')

/** Prints the machine, the versions and the load; `clusterUrl` adds the PostgreSQL server version. */
export async function printMachine(clusterUrl) {
  const cpu = cpus()
  console.log(`machine     ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${osName()}`)
  console.log(`node        ${process.version}; commit ${commit()}; ${new Date().toISOString()}`)
  if (clusterUrl) {
    const [row] = await adminQuery(clusterUrl, 'show server_version')
    console.log(`postgres    ${row.server_version} (COPY through ${PSQL})`)
  }
  console.log(
    `packages    pglite ${packageVersion('@electric-sql/pglite')}, duckdb ${packageVersion('@duckdb/node-api')}, pg ${packageVersion('pg')}, kysely ${packageVersion('kysely')}`,
  )
  console.log(`load avg    ${load()} (1/5/15 min)`)
}
