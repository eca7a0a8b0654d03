/** A value of one column sent to PostgreSQL inside an array parameter. */
export type ColumnValue = string | number | bigint | Date | null

/**
 * One column of rows as a text array, for `unnest($1::text[], …)` inserts: a
 * statement then has one parameter per column instead of one per value, so its
 * text (and plan) is the same for every batch size, and bigints and dates keep
 * full precision (cast back in SQL: `$2::text[]::int8[]`).
 */
export function textColumn<T>(rows: readonly T[], pick: (row: T) => ColumnValue): Array<string | null> {
  return rows.map((row) => {
    const value = pick(row)
    if (value === null) return null
    return value instanceof Date ? value.toISOString() : String(value)
  })
}
