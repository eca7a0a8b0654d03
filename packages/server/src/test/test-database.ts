import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { DatabaseTarget } from '../db/connect.js'

export type Dialect = 'pglite' | 'postgres'

/** Test environment variables; the suite's only direct reads of process.env. */
const POSTGRES_URL = process.env.RAPPORT_TEST_DATABASE_URL
const IN_CI = process.env.CI === 'true' || process.env.CI === '1'

/**
 * The dialects every integration suite runs against, like Kysely loops over
 * its dialects. PostgreSQL needs RAPPORT_TEST_DATABASE_URL (`.ci/run` starts a
 * throwaway cluster); in CI its absence is an error, never a silent skip.
 */
export function testDialects(): Dialect[] {
  if (POSTGRES_URL) return ['pglite', 'postgres']
  if (IN_CI) throw new Error('RAPPORT_TEST_DATABASE_URL is not set: CI must run the suite on PostgreSQL too')
  return ['pglite']
}

export interface TestDatabase {
  target: DatabaseTarget
  drop(): Promise<void>
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A fresh, empty database: in-memory PGlite, or a new database on the test PostgreSQL server. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'pglite') return { target: { kind: 'pglite', directory: undefined }, drop: async () => {} }
  if (!POSTGRES_URL) throw new Error('RAPPORT_TEST_DATABASE_URL is not set')
  const name = `rapport_test_${randomBytes(6).toString('hex')}`
  await admin((client) => client.query(`create database ${name}`))
  const url = new URL(POSTGRES_URL)
  url.pathname = `/${name}`
  return {
    target: { kind: 'postgres', url: url.toString() },
    drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  }
}

/** The test PostgreSQL URL for a given database target (for tests that start a second server on it). */
export function postgresUrlOf(target: DatabaseTarget): string | undefined {
  return target.kind === 'postgres' ? target.url : undefined
}
