import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'

export interface ProjectRow {
  id: string
  account_id: string
  name: string
  currency: string
  timezone: string
  created_at: Date
}

export async function insertProject(db: Kysely<Database>, project: Omit<ProjectRow, 'created_at'>): Promise<ProjectRow> {
  return db.insertInto('projects').values(project).returningAll().executeTakeFirstOrThrow()
}

export async function listProjects(db: Kysely<Database>, accountId: string): Promise<ProjectRow[]> {
  return db.selectFrom('projects').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute()
}

export async function findProject(db: Kysely<Database>, projectId: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', projectId).executeTakeFirst()
}
