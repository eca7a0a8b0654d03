import type { Kysely } from 'kysely'
import type { Principal } from '../auth/authenticate.js'
import type { Database } from '../db/schema.js'
import { AppError } from '../errors.js'
import { findProject, type ProjectRow } from './project.repository.js'

/** The account's own project; `not_found` for another account's, so ids of others reveal nothing. */
export async function ownedProject(db: Kysely<Database>, accountId: string, projectId: string): Promise<ProjectRow> {
  const project = await findProject(db, projectId)
  if (!project || project.account_id !== accountId) throw new AppError('not_found', 'No such project')
  return project
}

/**
 * The project whose data a caller may read: the project of a secret key, or a
 * project of the logged-in account named by `projectId`.
 */
export async function projectForRead(db: Kysely<Database>, principal: Principal, projectId: string | undefined): Promise<ProjectRow> {
  if (principal.kind === 'session') {
    if (!projectId) {
      throw new AppError('validation_error', 'Name the project to read', { issues: [{ path: 'projectId', message: 'Required with a session' }] })
    }
    return ownedProject(db, principal.accountId, projectId)
  }
  if (principal.keyKind !== 'secret') {
    throw new AppError('forbidden', 'A publishable key can only send events; read with a secret key (rk_sec_…)')
  }
  if (projectId !== undefined && projectId !== principal.project.id) {
    throw new AppError('forbidden', 'This key belongs to another project')
  }
  return principal.project
}
