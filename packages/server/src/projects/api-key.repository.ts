import type { ApiKeyKind } from '@rapport/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.js'
import type { ProjectRow } from './project.repository.js'

export interface ApiKeyRow {
  project_id: string
  id: string
  kind: ApiKeyKind
  name: string
  prefix: string
  created_at: Date
  last_used_at: Date | null
  revoked_at: Date | null
}

const PUBLIC_COLUMNS = ['project_id', 'id', 'kind', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'] as const

export async function insertApiKey(
  db: Kysely<Database>,
  key: { projectId: string; id: string; kind: ApiKeyKind; name: string; prefix: string; hash: string },
): Promise<ApiKeyRow> {
  return db
    .insertInto('api_keys')
    .values({ project_id: key.projectId, id: key.id, kind: key.kind, name: key.name, prefix: key.prefix, key_hash: key.hash })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow()
}

export async function listApiKeys(db: Kysely<Database>, projectId: string): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').select(PUBLIC_COLUMNS).where('project_id', '=', projectId).orderBy('created_at').orderBy('id').execute()
}

export async function revokeApiKey(db: Kysely<Database>, projectId: string, keyId: string): Promise<ApiKeyRow | undefined> {
  return db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
    .where('project_id', '=', projectId)
    .where('id', '=', keyId)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirst()
}

/** The live key with this hash in this project, joined with its project. */
export async function findActiveKey(
  db: Kysely<Database>,
  projectId: string,
  hash: string,
): Promise<{ keyId: string; kind: ApiKeyKind; lastUsedAt: Date | null; project: ProjectRow } | undefined> {
  const row = await db
    .selectFrom('api_keys as k')
    .innerJoin('projects as p', 'p.id', 'k.project_id')
    .select(['k.id as key_id', 'k.kind', 'k.last_used_at', 'p.id', 'p.account_id', 'p.name', 'p.currency', 'p.timezone', 'p.created_at'])
    .where('k.project_id', '=', projectId)
    .where('k.key_hash', '=', hash)
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  const { key_id, kind, last_used_at, ...project } = row
  return { keyId: key_id, kind, lastUsedAt: last_used_at, project }
}

/** Records use at most once a minute per key, so reads do not turn into a write each. */
export async function touchApiKey(db: Kysely<Database>, projectId: string, keyId: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: sql<Date>`now()` })
    .where('project_id', '=', projectId)
    .where('id', '=', keyId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute()
}
