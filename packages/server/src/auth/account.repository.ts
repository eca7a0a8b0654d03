import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../db/schema.js'

export interface AccountRow {
  id: string
  email: string
  name: string
  password_hash: string
  created_at: Date
}

export async function findAccountByEmail(db: Kysely<Database>, email: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst()
}

export async function findAccountById(db: Kysely<Database>, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Inserts the account; `undefined` when the email is taken (the unique index decides, not a prior read). */
export async function insertAccount(
  db: Kysely<Database>,
  account: { id: string; email: string; name: string; passwordHash: string },
): Promise<AccountRow | undefined> {
  return db
    .insertInto('accounts')
    .values({ id: account.id, email: account.email, name: account.name, password_hash: account.passwordHash })
    .onConflict((conflict) => conflict.expression(sql`lower(email)`).doNothing())
    .returningAll()
    .executeTakeFirst()
}
