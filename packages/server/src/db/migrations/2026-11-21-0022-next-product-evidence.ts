import { type Kysely, sql } from 'kysely'

// Why each next best product was proposed, as data (co-purchase with a named product, or
// popularity), so `customers.get` can word the reason in the reader's language. Lists stored
// before this have none and keep their English reason until the next refresh.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table customer_next_products add column evidence jsonb`.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table customer_next_products drop column if exists evidence`.execute(db)
}
