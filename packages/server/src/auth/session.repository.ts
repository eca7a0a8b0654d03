import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'

export async function insertSession(db: Kysely<Database>, session: { id: string; accountId: string; expiresAt: Date }): Promise<void> {
  await db.insertInto('sessions').values({ id: session.id, account_id: session.accountId, expires_at: session.expiresAt }).execute()
}

/** True when the session exists, belongs to the account, is not logged out and has not expired. */
export async function isSessionActive(db: Kysely<Database>, sessionId: string, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .select('id')
    .where('id', '=', sessionId)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst()
  return row !== undefined
}

export async function revokeSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute()
}
