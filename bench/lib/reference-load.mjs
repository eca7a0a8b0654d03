// The references a write path is compared with: the rows it stored, extracted from its database,
// loaded again into a fresh database of the same schema by COPY (psql) or by multi-row
// INSERT … ON CONFLICT DO NOTHING (one connection), with the project id swapped.
import { CompiledQuery } from 'kysely'
import { psql } from './postgres.mjs'

/** Tenant tables a write may fill, parents first. */
const TABLES = ['customers', 'purchases', 'purchase_items', 'refunds', 'refund_items', 'interactions', 'events']
const ROWS_PER_STATEMENT = 500

const raw = async (db, text, params = []) => (await db.executeQuery(CompiledQuery.raw(text, params))).rows

async function columnsOf(db, table) {
  const rows = await raw(db, `select column_name as name from information_schema.columns where table_name = $1 and table_schema = current_schema() order by ordinal_position`, [table])
  return rows.map((row) => row.name)
}

// The source's columns as text, the project id replaced by the target's.
const selectList = (columns, projectId) => columns.map((column) => (column === 'project_id' ? `'${projectId}'::uuid` : `${column}::text`)).join(', ')

/**
 * The rows a project holds, per table (empty tables left out), as text values ready to load into `toProject`.
 * @returns {Promise<Array<{ table: string, columns: string[], rows: (string | null)[][] }>>}
 */
export async function extractRows(db, fromProject, toProject) {
  const tables = []
  for (const table of TABLES) {
    const columns = await columnsOf(db, table)
    const rows = await raw(db, `select ${selectList(columns, toProject)} from ${table} where project_id = $1`, [fromProject])
    if (rows.length > 0) tables.push({ table, columns, rows: rows.map((row) => Object.values(row)) })
  }
  return tables
}

export const rowCount = (tables) => tables.reduce((sum, table) => sum + table.rows.length, 0)

const copyField = (value) => (value === null ? '\\N' : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'))

/** A psql script that COPYs every table from inline text-format data. */
export function copyScript(tables) {
  const parts = []
  for (const { table, columns, rows } of tables) {
    parts.push(`copy ${table} (${columns.join(', ')}) from stdin;\n`)
    for (const row of rows) parts.push(`${row.map(copyField).join('\t')}\n`)
    parts.push('\\.\n')
  }
  return parts.join('')
}

/** Empties the reference project's tables: truncates them when it is alone in its database. */
export async function clear(reference) {
  if (!reference.shared) return raw(reference.db, `truncate ${TABLES.join(', ')}`)
  for (const table of [...TABLES].reverse()) await raw(reference.db, `delete from ${table} where project_id = $1`, [reference.projectId])
}

/** Loads a prepared COPY script through psql; returns seconds. */
export async function copyLoad(databaseUrl, script) {
  const start = performance.now()
  await psql(databaseUrl, ['-f', '-'], script)
  return (performance.now() - start) / 1000
}

/** Loads the rows with multi-row INSERT … ON CONFLICT DO NOTHING, one statement at a time; returns seconds. */
export async function insertLoad(db, tables) {
  const start = performance.now()
  for (const { table, columns, rows } of tables) {
    for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
      const part = rows.slice(offset, offset + ROWS_PER_STATEMENT)
      const values = part.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ')
      await raw(db, `insert into ${table} (${columns.join(', ')}) values ${values} on conflict do nothing`, part.flat())
    }
  }
  return (performance.now() - start) / 1000
}
