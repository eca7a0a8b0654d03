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

export interface CustomerFilters {
  segment?: string | undefined
  traitKey?: string | undefined
  traitValue?: string | undefined
  minSpentMinor?: bigint | undefined
  maxSpentMinor?: bigint | undefined
  lastPurchaseAfter?: Date | undefined
  lastPurchaseBefore?: Date | undefined
  scoreLabel?: string | undefined
  minScore?: number | undefined
  maxScore?: number | undefined
}

export interface CustomerQuery extends CustomerFilters {
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
  if (query.segment !== undefined) builder = builder.where('segment', '=', query.segment)
  if (query.traitKey !== undefined) {
    builder =
      query.traitValue === undefined
        ? builder.where(sql<boolean>`traits ? ${query.traitKey}`)
        : builder.where(sql<boolean>`traits ->> ${query.traitKey} = ${query.traitValue}`)
  }
  if (query.minSpentMinor !== undefined) builder = builder.where('net_spent_minor', '>=', query.minSpentMinor)
  if (query.maxSpentMinor !== undefined) builder = builder.where('net_spent_minor', '<=', query.maxSpentMinor)
  if (query.lastPurchaseAfter !== undefined) builder = builder.where('last_purchase_at', '>=', query.lastPurchaseAfter)
  if (query.lastPurchaseBefore !== undefined) builder = builder.where('last_purchase_at', '<', query.lastPurchaseBefore)
  if (query.scoreLabel !== undefined) builder = builder.where('score_label', '=', query.scoreLabel as NonNullable<CustomersTable['score_label']>)
  if (query.minScore !== undefined) builder = builder.where('score', '>=', query.minScore)
  if (query.maxScore !== undefined) builder = builder.where('score', '<=', query.maxScore)
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

export type RefundRow = Selectable<Database['refunds']>

export async function customerRefunds(db: Db, projectId: string, customerId: string, limit: number): Promise<RefundRow[]> {
  return db
    .selectFrom('refunds')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('customer_id', '=', customerId)
    .orderBy('refunded_at', 'desc')
    .orderBy('refund_id', 'desc')
    .limit(limit)
    .execute()
}

export interface FavouriteProductRow {
  product_id: string
  name: string | null
  quantity: string | number | bigint
  orders: string | number | bigint
}

/** The customer's most bought products, by units then orders. */
export async function favouriteProducts(db: Db, projectId: string, customerId: string, limit: number): Promise<FavouriteProductRow[]> {
  const result = await sql<FavouriteProductRow>`
    select i.product_id, max(i.name) as name, sum(i.quantity) as quantity, count(distinct i.order_id) as orders
    from purchases p
    join purchase_items i on i.project_id = p.project_id and i.order_id = p.order_id
    where p.project_id = ${projectId} and p.customer_id = ${customerId} and p.status = 'completed'
    group by i.product_id
    order by sum(i.quantity) desc, count(distinct i.order_id) desc, i.product_id
    limit ${limit}
  `.execute(db)
  return result.rows
}

