import type { JsonColumn } from './json-rows.js'
import type { NormalizedItem } from './normalized-event.js'

/** One line of an order or a refund, with the id of what it belongs to. */
export interface LineRow {
  parentId: string
  line_no: number
  product_id: string
  name: string | null
  category: string | null
  quantity: number
  unit_price_e4: bigint | null
}

/** The lines of these orders or refunds, numbered from 1 within each. */
export function lineRowsOf<T>(parents: readonly T[], idOf: (parent: T) => string, itemsOf: (parent: T) => readonly NormalizedItem[] | null): LineRow[] {
  return parents.flatMap((parent) =>
    (itemsOf(parent) ?? []).map((item, index) => ({
      parentId: idOf(parent),
      line_no: index + 1,
      product_id: item.productId,
      name: item.name,
      category: item.category,
      quantity: item.quantity,
      unit_price_e4: item.unitPriceE4,
    })),
  )
}

/** The columns of `purchase_items` (parent `order_id`) or `refund_items` (parent `refund_id`), parent first. */
export function lineJsonColumns(parent: 'order_id' | 'refund_id'): JsonColumn<LineRow>[] {
  return [
    { name: parent, type: 'text', pick: (line) => line.parentId },
    { name: 'line_no', type: 'int4', pick: (line) => line.line_no },
    { name: 'product_id', type: 'text', pick: (line) => line.product_id },
    { name: 'name', type: 'text', pick: (line) => line.name },
    { name: 'category', type: 'text', pick: (line) => line.category },
    { name: 'quantity', type: 'int4', pick: (line) => line.quantity },
    { name: 'unit_price_e4', type: 'int8', pick: (line) => line.unit_price_e4 },
  ]
}
