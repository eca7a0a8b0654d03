import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.js'

// deadlock_detected, serialization_failure: safe to run the whole transaction again.
const RETRYABLE = new Set(['40P01', '40001'])

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE.has(String((error as { code?: unknown }).code))
}

/** Runs `work` in a transaction, again (up to 3 times) if PostgreSQL aborts it for a deadlock. */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work)
    } catch (error) {
      if (attempt >= 3 || !isRetryable(error)) throw error
    }
  }
}
