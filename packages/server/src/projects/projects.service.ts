import { randomUUID } from 'node:crypto'
import type { ApiKey, ApiKeyKind, CreatedApiKey, Project, ProjectCreated } from '@rapport/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { inTransaction } from '../db/transaction.js'
import { type ApiKeyRow, insertApiKey } from './api-key.repository.js'
import { generateApiKey } from './api-key.js'
import { insertProject, type ProjectRow } from './project.repository.js'

export function toProject(row: ProjectRow): Project {
  return { id: row.id, name: row.name, currency: row.currency, timezone: row.timezone, createdAt: row.created_at.toISOString() }
}

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    projectId: row.project_id,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }
}

/** Creates a key; its full text is returned here and never again (only its hash is kept). */
export async function createApiKey(db: Kysely<Database>, projectId: string, kind: ApiKeyKind, name: string): Promise<CreatedApiKey> {
  const generated = generateApiKey(kind, projectId)
  const row = await insertApiKey(db, { projectId, id: randomUUID(), kind, name, prefix: generated.prefix, hash: generated.hash })
  return { ...toApiKey(row), key: generated.key }
}

/** A project with its first publishable and secret keys, created together or not at all. */
export async function createProject(
  db: Kysely<Database>,
  accountId: string,
  input: { name: string; currency: string; timezone: string },
): Promise<ProjectCreated> {
  return inTransaction(db, async (trx) => {
    const project = await insertProject(trx, { id: randomUUID(), account_id: accountId, ...input })
    const publishableKey = await createApiKey(trx, project.id, 'publishable', 'default')
    const secretKey = await createApiKey(trx, project.id, 'secret', 'default')
    return { project: toProject(project), publishableKey, secretKey }
  })
}
