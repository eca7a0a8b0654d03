import { type RawBuilder, sql } from 'kysely'

/** How a column travels: the SQL type it is read as. */
export type JsonColumnType = 'text' | 'uuid' | 'int4' | 'int8' | 'timestamptz' | 'jsonb'

/** A value of one column as picked from a row. */
export type JsonCell = string | number | bigint | Date | null | Record<string, unknown>

export interface JsonColumn<T, Name extends string = string> {
  /** Column name in the row source and in the table it fills (a plain SQL identifier). */
  name: Name
  type: JsonColumnType
  pick: (row: T) => JsonCell
}

// Dates travel as epoch milliseconds and bigints as strings: exact, and far
// cheaper to write than ISO strings. `interval * int8` is exact to the µs.
const READ: Record<JsonColumnType, (at: number) => string> = {
  text: (at) => `r->>${at}`,
  uuid: (at) => `(r->>${at})::uuid`,
  int4: (at) => `(r->>${at})::int4`,
  int8: (at) => `(r->>${at})::int8`,
  timestamptz: (at) => `(timestamptz 'epoch' + (r->>${at})::int8 * interval '1 millisecond')`,
  jsonb: (at) => `(r->${at})`,
}

function cell(value: JsonCell): unknown {
  if (value instanceof Date) return value.getTime()
  return typeof value === 'bigint' ? String(value) : value
}

/** The columns' names as an SQL list, for `insert into t (project_id, ${columnList(columns)})`. */
export function columnList(columns: readonly JsonColumn<never>[]): RawBuilder<unknown> {
  return sql.raw(columns.map((column) => column.name).join(', '))
}

/**
 * Rows as a row source for `insert … select … from <source> as x`: the whole
 * batch travels as one JSON parameter (an array of arrays) read with
 * `jsonb_array_elements`. One parameter for any number of rows, the same
 * statement text for every batch size, and serialising it is one native
 * `JSON.stringify` instead of escaping every value of every column array.
 */
export function jsonRows<T>(rows: readonly T[], columns: readonly JsonColumn<T>[]): RawBuilder<unknown> {
  const data = JSON.stringify(rows.map((row) => columns.map((column) => cell(column.pick(row)))))
  const select = columns.map((column, at) => `${READ[column.type](at)} as ${column.name}`).join(', ')
  return sql`(select ${sql.raw(select)} from jsonb_array_elements(${data}::jsonb) as r)`
}
