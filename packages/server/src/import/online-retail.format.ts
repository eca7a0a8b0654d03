import type { ImportDocument, ImportFormat, MapperContext, RowMapper } from './import-format.js'
import { importEventId } from './event-id.js'
import { orderTotal, unitPriceE4 } from './line-amount.js'
import { DEFAULT_ORDER_WINDOW, OrderWindow } from './order-window.js'
import { ZonedClock } from './zoned-time.js'

const FORMAT = 'online-retail'
const COLUMNS = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'] as const
const CURRENCY = 'GBP'
const GBP_EXPONENT = 2
/** InvoiceDate is UK local time. */
const SHOP_TIME_ZONE = 'Europe/London'
const WHOLE_NUMBER = /^-?\d+$/

type Row =
  | {
      ok: true
      line: number
      productId: string
      name: string
      quantity: number
      price: string
      priceE4: bigint
      at: Date
      customerId: string
      country: string
    }
  | { ok: false; line: number; reason: string }

function column(context: MapperContext, name: (typeof COLUMNS)[number]): number {
  const index = context.columns.get(name)
  // resolveColumns refused a header without it.
  if (index === undefined) throw new Error(`unreachable: column ${name} not resolved`)
  return index
}

/**
 * The UCI "Online Retail" export (see the README of the data set): one row
 * per invoice line. An invoice becomes a `purchase` (a `C…` one a `refund` of
 * the returned lines), a customer's first appearance an `identify` with
 * `{ country }`; `A…` invoices (bad-debt adjustments) and negative lines of
 * other invoices at price 0 (stock adjustments) are skipped and counted.
 */
export const onlineRetailFormat: ImportFormat = {
  name: FORMAT,
  required: COLUMNS,
  optional: [],
  createMapper: (context) => createOnlineRetailMapper(context),
}

export function createOnlineRetailMapper(context: MapperContext, windowSize = DEFAULT_ORDER_WINDOW): RowMapper {
  const { sink } = context
  const at = {
    invoice: column(context, 'InvoiceNo'),
    stockCode: column(context, 'StockCode'),
    description: column(context, 'Description'),
    quantity: column(context, 'Quantity'),
    date: column(context, 'InvoiceDate'),
    price: column(context, 'UnitPrice'),
    customer: column(context, 'CustomerID'),
    country: column(context, 'Country'),
  }
  const clock = new ZonedClock(SHOP_TIME_ZONE)
  const knownCustomers = new Set<string>()

  const emit = (invoice: string, rows: Row[]) => {
    const bad = rows.find((row) => !row.ok)
    if (bad) {
      for (const row of rows) {
        sink.reject(row.line, row.ok ? `Invoice ${invoice} is not imported: its line ${bad.line} is invalid` : row.reason)
      }
      return
    }
    const lines = rows.filter((row) => row.ok)
    const first = lines[0]
    if (!first) return
    let earliest = first.at
    for (const row of lines) if (row.at < earliest) earliest = row.at
    const occurredAt = earliest.toISOString()
    const documents: ImportDocument[] = []
    const customerId = first.customerId === '' ? undefined : first.customerId
    const country = first.country === '' ? undefined : first.country
    if (customerId !== undefined && !knownCustomers.has(customerId)) {
      knownCustomers.add(customerId)
      const content = { customerId, occurredAt, traits: country === undefined ? {} : { country }, type: 'identify' } as const
      documents.push({ kind: 'customer', event: { ...content, eventId: importEventId(FORMAT, `identify:${customerId}`, content) }, lines: [first.line] })
    }
    // Keys in sorted order, so canonicalJson can take JSON.stringify's fast path.
    const items = lines.map((row) =>
      row.name === ''
        ? { productId: row.productId, quantity: row.quantity, unitPrice: row.price }
        : { name: row.name, productId: row.productId, quantity: row.quantity, unitPrice: row.price },
    )
    const amount = orderTotal(
      lines.map((row) => ({ quantity: row.quantity, priceE4: row.priceE4 })),
      GBP_EXPONENT,
    )
    const shared = { amount, country, currency: CURRENCY, customerId, items, occurredAt }
    const lineNumbers = lines.map((row) => row.line)
    if (invoice.startsWith('C')) {
      const content = { ...shared, refundId: invoice, type: 'refund' } as const
      documents.push({ kind: 'refund', event: { ...content, eventId: importEventId(FORMAT, `refund:${invoice}`, content) }, lines: lineNumbers })
    } else {
      const content = { ...shared, orderId: invoice, type: 'purchase' } as const
      documents.push({ kind: 'order', event: { ...content, eventId: importEventId(FORMAT, `purchase:${invoice}`, content) }, lines: lineNumbers })
    }
    sink.emit(documents)
  }

  const window = new OrderWindow<Row>(emit, windowSize)

  const read = (fields: readonly string[], line: number, invoice: string): Row | 'skip' => {
    const invalid = (reason: string): Row => ({ ok: false, line, reason })
    const quantityText = (fields[at.quantity] ?? '').trim()
    const priceText = (fields[at.price] ?? '').trim()
    if (!WHOLE_NUMBER.test(quantityText)) return invalid(`Quantity "${quantityText}" is not a whole number`)
    const quantity = Number(quantityText)
    const refund = invoice.startsWith('C')
    if (quantity < 0 && !refund) {
      if (unitPriceE4(priceText) === 0n) {
        sink.skip('stock_adjustment', line)
        return 'skip'
      }
      return invalid(`Quantity ${quantity} is negative on invoice ${invoice}, which is not a cancellation (C…), at a price that is not 0`)
    }
    if (quantity === 0) return invalid('Quantity is 0')
    if (quantity > 0 && refund) return invalid(`Quantity ${quantity} is positive on cancellation ${invoice}`)
    const priceE4 = unitPriceE4(priceText)
    if (priceE4 === null) return invalid(`UnitPrice "${priceText}" is not a non-negative amount with at most 4 decimals`)
    const dateText = (fields[at.date] ?? '').trim()
    const when = clock.toInstant(dateText)
    if (when === null) return invalid(`InvoiceDate "${dateText}" is not a date and time (YYYY-MM-DD HH:MM)`)
    const productId = (fields[at.stockCode] ?? '').trim()
    if (productId === '') return invalid('StockCode is empty')
    return {
      ok: true,
      line,
      productId,
      name: (fields[at.description] ?? '').trim(),
      quantity: Math.abs(quantity),
      price: priceText,
      priceE4,
      at: when,
      customerId: (fields[at.customer] ?? '').trim(),
      country: (fields[at.country] ?? '').trim(),
    }
  }

  return {
    row(fields, line) {
      const invoice = (fields[at.invoice] ?? '').trim()
      if (invoice === '') {
        sink.reject(line, 'InvoiceNo is empty')
        window.tick()
        return
      }
      if (invoice.startsWith('A')) {
        sink.skip('bad_debt_adjustment', line)
        window.tick()
        return
      }
      let row = read(fields, line, invoice)
      if (row === 'skip') {
        window.tick()
        return
      }
      if (window.hasEmitted(invoice)) {
        sink.reject(line, `Invoice ${invoice} was already imported: its lines are more than ${windowSize} rows apart`)
        window.tick()
        return
      }
      const first = window.first(invoice)
      if (row.ok && first?.ok && (first.customerId !== row.customerId || first.country !== row.country)) {
        row = { ok: false, line, reason: `CustomerID or Country differs from line ${first.line} of invoice ${invoice}` }
      }
      window.push(invoice, row)
    },
    end() {
      window.flush()
    },
  }
}
