/** One column of a terminal table: a header and how to read the cell from a row. */
export interface Column<Row> {
  header: string
  cell: (row: Row) => string | number | null
  /** Numbers read best right-aligned. @default 'left' */
  align?: 'left' | 'right'
}

/**
 * Renders rows as a plain-text table under a title. The row type flows from the
 * SDK's result types, so a renamed or retyped field is a compile error here.
 */
export function table<Row>(title: string, rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => format(column.cell(row))))
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i]?.length ?? 0)))
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => (columns[i]?.align === 'right' ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  const body = cells.length > 0 ? cells.map(line) : ['(nothing yet)']
  return [`${title}`, line(columns.map((column) => column.header)), widths.map((width) => '─'.repeat(width)).join('  '), ...body, ''].join('\n')
}

function format(value: string | number | null): string {
  if (value === null) return '–'
  return typeof value === 'number' ? value.toLocaleString('en-GB', { maximumFractionDigits: 2 }) : value
}

/** `0.1234` → `"12.3 %"`; null (no previous value) → `"–"`. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)} %`
}
