import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { PGliteDialect } from './pglite-dialect.js'
import type { Database } from './schema.js'

const INT8_OID = 20

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  /** `directory: undefined` keeps the data in memory (tests). */
  | { kind: 'pglite'; directory: string | undefined }

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: DatabaseTarget['kind']
  close(): Promise<void>
}

/**
 * Opens the database. Both dialects return int8 columns as bigint, so money
 * (stored in minor units) never passes through a JS number.
 */
export async function connectDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.maxConnections ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID ? (value: string) => BigInt(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    })
    // A client losing its connection (database restarted) must not crash the process: idle
    // clients report on the pool; a checked-out client reports on itself, and the pool drops
    // it on release because it is no longer queryable.
    pool.on('error', () => {})
    pool.on('connect', (client) => {
      client.on('error', () => {})
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  if (target.directory) mkdirSync(target.directory, { recursive: true })
  const pglite = await PGlite.create({
    ...(target.directory ? { dataDir: join(target.directory, 'pglite') } : {}),
    parsers: { [INT8_OID]: (value: string) => BigInt(value) },
  })
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) })
  return { db, kind: 'pglite', close: () => db.destroy() }
}
