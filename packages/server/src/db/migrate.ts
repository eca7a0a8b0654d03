import { type Kysely, type Migration, Migrator } from 'kysely'
import * as initial from './migrations/2026-11-21-0001-initial.js'
import * as analytics from './migrations/2026-11-21-0002-analytics.js'
import * as monthlyProducts from './migrations/2026-11-21-0003-monthly-product-sales.js'
import * as lineForeignKeys from './migrations/2026-11-21-0004-line-foreign-keys.js'
import * as analyticsState from './migrations/2026-11-21-0005-analytics-state.js'
import * as customerScores from './migrations/2026-11-21-0006-customer-scores.js'
import * as recommendations from './migrations/2026-11-21-0007-recommendations.js'
import * as assistant from './migrations/2026-11-21-0020-assistant.js'
import * as customerRollups from './migrations/2026-11-21-0021-customer-rollups.js'
import * as nextProductEvidence from './migrations/2026-11-21-0022-next-product-evidence.js'
import * as customerChanges from './migrations/2026-11-21-0023-customer-changes.js'
import * as changedDaysIndex from './migrations/2026-11-21-0024-changed-days-index.js'
import type { Database } from './schema.js'

/** Listed here rather than read from disk, so the bundled server carries its migrations. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-21-0001-initial': initial,
  '2026-11-21-0002-analytics': analytics,
  '2026-11-21-0003-monthly-product-sales': monthlyProducts,
  '2026-11-21-0004-line-foreign-keys': lineForeignKeys,
  '2026-11-21-0005-analytics-state': analyticsState,
  '2026-11-21-0006-customer-scores': customerScores,
  '2026-11-21-0007-recommendations': recommendations,
  '2026-11-21-0020-assistant': assistant,
  '2026-11-21-0021-customer-rollups': customerRollups,
  '2026-11-21-0022-next-product-evidence': nextProductEvidence,
  '2026-11-21-0023-customer-changes': customerChanges,
  '2026-11-21-0024-changed-days-index': changedDaysIndex,
}

/** Brings the schema up to date; several servers starting at once are safe (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error })
  }
}
