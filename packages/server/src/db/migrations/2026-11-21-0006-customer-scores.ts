import { type Kysely, sql } from 'kysely'

// Predicted behaviour of each customer (BG/NBD and Gamma–Gamma, fitted per project).
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version, as Kysely recommends.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table customers
    add column p_alive double precision,
    add column expected_purchases_30 double precision,
    add column expected_purchases_90 double precision,
    add column expected_order_value_minor bigint,
    add column predicted_value_365_minor bigint`.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table customers
    drop column if exists p_alive,
    drop column if exists expected_purchases_30,
    drop column if exists expected_purchases_90,
    drop column if exists expected_order_value_minor,
    drop column if exists predicted_value_365_minor`.execute(db)
}
