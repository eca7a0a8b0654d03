import type { CustomerSort } from '@rapport/shared'
import { AppError } from '../errors.js'
import type { SortValue } from './customer.repository.js'

/** Opaque page cursor: the sort, direction and last row's (value, id), base64url JSON. */
export function encodeCursor(sort: CustomerSort, order: 'asc' | 'desc', value: SortValue, customerId: string): string {
  const text = value instanceof Date ? value.toISOString() : String(value)
  return Buffer.from(JSON.stringify([sort, order, text, customerId])).toString('base64url')
}

const invalid = () =>
  new AppError('validation_error', 'Invalid cursor', { issues: [{ path: 'cursor', message: 'Pass nextCursor from the previous page unchanged, with the same sort and order' }] })

export function decodeCursor(cursor: string, sort: CustomerSort, order: 'asc' | 'desc'): { value: SortValue; customerId: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalid()
  const [cursorSort, cursorOrder, text, customerId] = parsed
  if (cursorSort !== sort || cursorOrder !== order || typeof text !== 'string' || typeof customerId !== 'string') throw invalid()
  switch (sort) {
    case 'lastSeen':
    case 'createdAt': {
      const date = new Date(text)
      if (Number.isNaN(date.getTime())) throw invalid()
      return { value: date, customerId }
    }
    case 'totalSpent':
      if (!/^-?\d{1,19}$/.test(text)) throw invalid()
      return { value: BigInt(text), customerId }
    case 'orders':
      if (!/^\d{1,10}$/.test(text)) throw invalid()
      return { value: Number(text), customerId }
  }
}
