import type { CustomerSort } from '@rapport/shared'
import { type Kysely, type Selectable, sql } from 'kysely'
import type { CustomersTable, Database, InteractionsTable, PurchaseItemsTable, PurchasesTable } from '../db/schema.js'

export type CustomerRow = Selectable<CustomersTable>
export type PurchaseRow = Selectable<PurchasesTable>
export type ItemRow = Selectable<PurchaseItemsTable>
export type InteractionRow = Selectable<InteractionsTable>

type Db = Kysely<Database>

export const SORT_COLUMN = {
  lastSeen: 'last_seen_at',
  totalSpent: 'net_spent_minor',
  orders: 'orders_count',
  createdAt: 'created_at',
} as const satisfies Record<CustomerSort, keyof CustomersTable>

export type SortValue = Date | bigint | number

export interface CustomerQuery {
  search: string | undefined
  sort: CustomerSort
  order: 'asc' | 'desc'
  limit: number
  after: { value: SortValue; customerId: string } | undefined
}

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/** One page in keyset order: (sort value, customer id), so pages stay stable while data changes. */
export async function listCustomers(db: Db, projectId: string, query: CustomerQuery): Promise<CustomerRow[]> {
  const column = SORT_COLUMN[query.sort]
  let builder = db.selectFrom('customers').selectAll().where('project_id', '=', projectId)
  if (query.search) {
    const pattern = likePattern(query.search)
    builder = builder.where((eb) =>
      eb.or([eb('customer_id', 'ilike', pattern), eb('email', 'ilike', pattern), eb('name', 'ilike', pattern)]),
    )
  }
  if (query.after) {
    const operator = query.order === 'desc' ? sql.raw('<') : sql.raw('>')
    builder = builder.where(sql<boolean>`(${sql.ref(column)}, customer_id) ${operator} (${query.after.value}, ${query.after.customerId})`)
  }
  return builder.orderBy(column, query.order).orderBy('customer_id', query.order).limit(query.limit).execute()
}

export async function findCustomer(db: Db, projectId: string, customerId: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('project_id', '=', projectId).where('customer_id', '=', customerId).executeTakeFirst()
}

export async function customerPurchases(db: Db, projectId: string, customerId: string, limit: number): Promise<PurchaseRow[]> {
  return db
    .selectFrom('purchases')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('customer_id', '=', customerId)
    .orderBy('ordered_at', 'desc')
    .orderBy('order_id', 'desc')
    .limit(limit)
    .execute()
}

export async function purchaseItems(db: Db, projectId: string, orderIds: readonly string[]): Promise<ItemRow[]> {
  if (orderIds.length === 0) return []
  return db
    .selectFrom('purchase_items')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('line_no')
    .execute()
}

export async function customerInteractions(db: Db, projectId: string, customerId: string, limit: number): Promise<InteractionRow[]> {
  return db
    .selectFrom('interactions')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('customer_id', '=', customerId)
    .orderBy('occurred_at', 'desc')
    .limit(limit)
    .execute()
}
