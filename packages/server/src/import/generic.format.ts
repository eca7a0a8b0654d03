import { currencyExponent, isCurrencyCode } from '@rapport/shared'
import { importEventId } from './event-id.js'
import type { ImportDocument, ImportFormat, MapperContext, RowMapper } from './import-format.js'
import { orderTotal, unitPriceE4 } from './line-amount.js'
import { DEFAULT_ORDER_WINDOW, OrderWindow } from './order-window.js'
import { ZonedClock } from './zoned-time.js'

const FORMAT = 'generic'
const REQUIRED = ['order_id', 'ordered_at'] as const
const OPTIONAL = [
  'customer_id',
  'product_id',
  'product_name',
  'quantity',
  'unit_price',
  'amount',
  'currency',
  'status',
  'email',
  'name',
  'country',
  'channel',
  'source',
] as const
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number]

const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/i
const POSITIVE_WHOLE = /^\d+$/

interface Line {
  productId: string
  name: string
  quantity: number
  price: string
  priceE4: bigint | null
}

/** Order-level fields: taken from the first row of the order that has them. */
const ORDER_FIELDS = ['customerId', 'amount', 'currency', 'status', 'email', 'name', 'country', 'channel', 'source'] as const
type OrderFields = Record<(typeof ORDER_FIELDS)[number], string>

type Row = ({ ok: true; line: number; at: Date; item: Line | null } & OrderFields) | { ok: false; line: number; reason: string }

/** An ISO 8601 date-time with `Z` or an offset, as an instant; null otherwise. */
function parseWithOffset(text: string): Date | null {
  const match = WITH_OFFSET.exec(text)
  if (!match) return null
  const zone = match[3] ?? 'Z'
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`
  const time = Date.parse(`${match[1]}T${match[2]}${offset}`)
  return Number.isFinite(time) ? new Date(time) : null
}

/**
 * Any shop's export, one row per order line or one row per order; see
 * README.md in this folder for the columns. Rows of an order are grouped by
 * `order_id`; a customer's first row (or one whose email, name or country
 * changed) also makes an `identify`.
 */
export const genericFormat: ImportFormat = {
  name: FORMAT,
  required: REQUIRED,
  optional: OPTIONAL,
  checkColumns: (columns) =>
    columns.has('amount') || columns.has('unit_price') ? null : 'Needs an "amount" column, or "unit_price" to compute totals from the lines',
  createMapper: (context) => createGenericMapper(context),
}

export function createGenericMapper(context: MapperContext, windowSize = DEFAULT_ORDER_WINDOW): RowMapper {
  const { sink } = context
  const clock = new ZonedClock(context.timezone)
  const profiles = new Map<string, string>()
  const index = (name: Column) => context.columns.get(name)
  const positions = new Map<Column, number | undefined>([...REQUIRED, ...OPTIONAL].map((name) => [name, index(name)]))
  const cell = (fields: readonly string[], name: Column): string => {
    const position = positions.get(name)
    return position === undefined ? '' : (fields[position] ?? '').trim()
  }

  const read = (fields: readonly string[], line: number): Row => {
    const invalid = (reason: string): Row => ({ ok: false, line, reason })
    const orderedAt = cell(fields, 'ordered_at')
    const at = parseWithOffset(orderedAt) ?? clock.toInstant(orderedAt)
    if (at === null) return invalid(`ordered_at "${orderedAt}" is not an ISO 8601 date-time (with an offset, or local to ${context.timezone})`)
    const status = cell(fields, 'status').toLowerCase()
    if (status !== '' && status !== 'completed' && status !== 'refunded') return invalid(`status "${status}" is not completed or refunded`)
    const productId = cell(fields, 'product_id')
    let item: Line | null = null
    if (productId !== '') {
      const quantityText = cell(fields, 'quantity')
      if (quantityText !== '' && !POSITIVE_WHOLE.test(quantityText)) return invalid(`quantity "${quantityText}" is not a positive whole number`)
      const quantity = quantityText === '' ? 1 : Number(quantityText)
      if (quantity < 1) return invalid('quantity is 0')
      const price = cell(fields, 'unit_price')
      const priceE4 = price === '' ? null : unitPriceE4(price)
      if (price !== '' && priceE4 === null) return invalid(`unit_price "${price}" is not a non-negative amount with at most 4 decimals`)
      item = { productId, name: cell(fields, 'product_name'), quantity, price, priceE4 }
    }
    return {
      ok: true,
      line,
      at,
      item,
      customerId: cell(fields, 'customer_id'),
      amount: cell(fields, 'amount'),
      currency: cell(fields, 'currency').toUpperCase(),
      status,
      email: cell(fields, 'email'),
      name: cell(fields, 'name'),
      country: cell(fields, 'country'),
      channel: cell(fields, 'channel'),
      source: cell(fields, 'source'),
    }
  }

  const emit = (orderId: string, rows: Row[]) => {
    const rejectAll = (badLine: number, reason: string) => {
      for (const row of rows) sink.reject(row.line, row.ok ? (row.line === badLine ? reason : `Order ${orderId} is not imported: its line ${badLine} is invalid`) : row.reason)
    }
    const bad = rows.find((row) => !row.ok)
    if (bad) return rejectAll(bad.line, '')
    const valid = rows.filter((row) => row.ok)
    const first = valid[0]
    if (!first) return
    const order = {} as OrderFields
    for (const field of ORDER_FIELDS) order[field] = valid.find((row) => row[field] !== '')?.[field] ?? ''
    const currency = order.currency === '' ? context.currency : order.currency
    if (!isCurrencyCode(currency)) return rejectAll(first.line, `currency "${currency}" is not an ISO 4217 code`)
    let earliest = first.at
    for (const row of valid) if (row.at < earliest) earliest = row.at
    const occurredAt = earliest.toISOString()
    const lines = valid.flatMap((row) => (row.item === null ? [] : [row.item]))
    let amount = order.amount
    if (amount === '') {
      const unpriced = valid.find((row) => row.item === null || row.item.priceE4 === null)
      if (unpriced) return rejectAll(unpriced.line, `Order ${orderId} has no amount, and this row has no product_id and unit_price to compute it from`)
      amount = orderTotal(
        lines.map((line) => ({ quantity: line.quantity, priceE4: line.priceE4 ?? 0n })),
        currencyExponent(currency),
      )
    }
    const optional = (value: string) => (value === '' ? undefined : value)
    const customerId = optional(order.customerId)
    const documents: ImportDocument[] = []
    if (customerId !== undefined) {
      const profile = { email: optional(order.email), name: optional(order.name), traits: order.country === '' ? {} : { country: order.country } }
      const signature = JSON.stringify(profile)
      if (profiles.get(customerId) !== signature) {
        profiles.set(customerId, signature)
        const content = { type: 'identify', customerId, ...profile, occurredAt } as const
        documents.push({ kind: 'customer', event: { ...content, eventId: importEventId(FORMAT, `identify:${customerId}`, content) }, lines: [first.line] })
      }
    }
    const content = {
      type: 'purchase',
      orderId,
      customerId,
      amount,
      currency,
      status: order.status === '' ? 'completed' : order.status,
      items:
        lines.length === 0
          ? undefined
          : lines.map((line) => ({
              productId: line.productId,
              name: optional(line.name),
              quantity: line.quantity,
              unitPrice: optional(line.price),
            })),
      country: optional(order.country),
      channel: optional(order.channel),
      source: optional(order.source),
      occurredAt,
    } as const
    documents.push({
      kind: 'order',
      event: { ...content, eventId: importEventId(FORMAT, `purchase:${orderId}`, content) },
      lines: valid.map((row) => row.line),
    })
    sink.emit(documents)
  }

  const window = new OrderWindow<Row>(emit, windowSize)
  return {
    row(fields, line) {
      const orderId = cell(fields, 'order_id')
      if (orderId === '') {
        sink.reject(line, 'order_id is empty')
        window.tick()
        return
      }
      if (window.hasEmitted(orderId)) {
        sink.reject(line, `Order ${orderId} was already imported: its rows are more than ${windowSize} rows apart`)
        window.tick()
        return
      }
      window.push(orderId, read(fields, line))
    },
    end() {
      window.flush()
    },
  }
}
