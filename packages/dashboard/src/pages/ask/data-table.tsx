import { downloadCsv, toCsv } from '../../components/csv'
import { useI18n } from '../../i18n/i18n'

type Json = unknown

/** Rows shown from one array; the CSV export has them all. */
const MAX_ROWS = 50

const isRecord = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isScalar = (value: Json) => value === null || ['string', 'number', 'boolean'].includes(typeof value)

function cell(value: Json): string {
  if (value === null || value === undefined) return '—'
  return isScalar(value) ? String(value) : JSON.stringify(value)
}

/** An array of objects as a table whose columns are their keys. */
function RowsTable({ rows, label, filename }: { rows: Json[]; label: string; filename: string }) {
  const { t } = useI18n()
  const columns = [...new Set(rows.flatMap((row) => (isRecord(row) ? Object.keys(row) : ['value'])))]
  const values = (row: Json) => columns.map((column) => (isRecord(row) ? row[column] : row))
  return (
    <div className="data-table">
      <div className="page-head">
        <span className="sub">{t('ask.rows', { count: rows.length })}</span>
        <button type="button" className="copy" onClick={() => downloadCsv(filename, toCsv(columns, rows.map((row) => values(row).map((v) => (isScalar(v) ? v : JSON.stringify(v))))))}>
          {t('table.exportCsv')}
        </button>
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((row, index) => (
              // Rows of a returned array have no id of their own; their order is the data's.
              // biome-ignore lint/suspicious/noArrayIndexKey: static data
              <tr key={index}>
                {values(row).map((value, column) => (
                  <td key={columns[column]} className={typeof value === 'number' ? 'num' : undefined}>
                    {cell(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

/**
 * Whatever JSON a tool returned, as tables: scalars as name/value rows, arrays
 * of objects as tables of their own, nested objects one level down.
 */
export function DataTable({ data, label, filename, depth = 0 }: { data: Json; label: string; filename: string; depth?: number }) {
  if (Array.isArray(data)) return data.length === 0 ? <p className="sub">—</p> : <RowsTable rows={data} label={label} filename={`${filename}.csv`} />
  if (!isRecord(data) || depth > 1) return <p>{cell(data)}</p>
  const entries = Object.entries(data)
  const scalars = entries.filter(([, value]) => isScalar(value))
  const nested = entries.filter(([, value]) => !isScalar(value))
  return (
    <>
      {scalars.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{label}</caption>
            <tbody>
              {scalars.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td className={typeof value === 'number' ? 'num' : undefined}>{cell(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nested.map(([name, value]) => (
        <div key={name}>
          <h4>{name}</h4>
          <DataTable data={value} label={`${label}: ${name}`} filename={`${filename}-${name}`} depth={depth + 1} />
        </div>
      ))}
    </>
  )
}
