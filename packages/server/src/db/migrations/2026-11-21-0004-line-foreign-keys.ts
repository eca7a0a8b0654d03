import { type Kysely, sql } from 'kysely'

// Order and refund lines referenced their order/refund row, so every inserted line
// ran a foreign-key lookup. In PGlite that lookup's cached plan degrades as the
// table grows (no autovacuum statistics): importing order lines slowed to ~2k/s
// and kept falling. Lines are only ever replaced together with their document in
// one transaction, so they now reference the project, which still removes them
// when the project is deleted.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table purchase_items drop constraint if exists purchase_items_project_id_order_id_fkey`.execute(db)
  await sql`alter table purchase_items add foreign key (project_id) references projects (id) on delete cascade`.execute(db)
  await sql`alter table refund_items drop constraint if exists refund_items_project_id_refund_id_fkey`.execute(db)
  await sql`alter table refund_items add foreign key (project_id) references projects (id) on delete cascade`.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table purchase_items drop constraint if exists purchase_items_project_id_fkey`.execute(db)
  await sql`alter table purchase_items add foreign key (project_id, order_id) references purchases (project_id, order_id) on delete cascade`.execute(db)
  await sql`alter table refund_items drop constraint if exists refund_items_project_id_fkey`.execute(db)
  await sql`alter table refund_items add foreign key (project_id, refund_id) references refunds (project_id, refund_id) on delete cascade`.execute(db)
}
