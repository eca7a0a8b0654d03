/**
 * Picks, from the data a tool returned, what can be drawn: a time series (rows
 * with a `start` date and figures, such as forecast points) or a ranking (rows
 * with a name and one figure, such as top products or best customers).
 */

type Json = unknown
type Row = Record<string, Json>

/** Figures a ranking is drawn by, the most telling first. */
export const RANKING_MEASURES = ['netRevenue', 'netSpent', 'expectedRevenue30Days', 'customers', 'orders', 'quantity'] as const
export type RankingMeasure = (typeof RANKING_MEASURES)[number]

/** What a row of a ranking is called, the most readable first. */
const LABEL_KEYS = ['name', 'title', 'segment', 'value', 'key', 'productId', 'customerId'] as const
const DATE_KEYS = ['start', 'day', 'date'] as const
const DATE = /^\d{4}-\d{2}-\d{2}/
const DECIMAL = /^-?\d+(\.\d+)?$/

export interface TimeChartData {
  kind: 'time'
  /** Where in the tool's data the rows are, e.g. `points`. */
  path: string
  dates: string[]
  /** The drawn line (`value`, or the first figure). */
  measure: string
  values: Array<number | null>
  /** The interval around the line when the rows have `lower80`/`upper80`. */
  band: { lower: Array<number | null>; upper: Array<number | null> } | null
}

export interface RankingChartData {
  kind: 'ranking'
  path: string
  measure: RankingMeasure
  labels: string[]
  values: number[]
}

export type AnswerChartData = TimeChartData | RankingChartData

const isRow = (value: Json): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A number from a JSON number or an exact decimal string (money); null otherwise. */
export function figure(value: Json): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' && DECIMAL.test(value)) return Number(value)
  return null
}

/** Arrays of rows in the data, breadth first, one level of nesting deep (e.g. `breakdown.rows`). */
function arraysOf(data: Json, path = '', depth = 0): Array<{ path: string; rows: Row[] }> {
  if (Array.isArray(data)) return data.length > 0 && data.every(isRow) ? [{ path, rows: data }] : []
  if (!isRow(data) || depth > 1) return []
  const entries = Object.entries(data)
  const here = entries.flatMap(([key, value]) => (Array.isArray(value) ? arraysOf(value, path ? `${path}.${key}` : key, depth + 1) : []))
  const deeper = entries.flatMap(([key, value]) => (isRow(value) ? arraysOf(value, path ? `${path}.${key}` : key, depth + 1) : []))
  return [...here, ...deeper]
}

function timeChart(path: string, rows: Row[]): TimeChartData | null {
  const dateKey = DATE_KEYS.find((key) => rows.every((row) => typeof row[key] === 'string' && DATE.test(row[key] as string)))
  if (!dateKey || rows.length < 2) return null
  const numeric = Object.keys(rows[0] ?? {}).filter((key) => key !== dateKey && rows.every((row) => row[key] === null || figure(row[key]) !== null))
  const measure = numeric.includes('value') ? 'value' : numeric.find((key) => !/^(lower|upper)/.test(key))
  if (!measure) return null
  const column = (key: string) => rows.map((row) => figure(row[key]))
  const banded = numeric.includes('lower80') && numeric.includes('upper80')
  return {
    kind: 'time',
    path,
    dates: rows.map((row) => (row[dateKey] as string).slice(0, 10)),
    measure,
    values: column(measure),
    band: banded ? { lower: column('lower80'), upper: column('upper80') } : null,
  }
}

function rankingChart(path: string, rows: Row[]): RankingChartData | null {
  if (rows.length < 2) return null
  const measure = RANKING_MEASURES.find((key) => rows.every((row) => figure(row[key]) !== null))
  if (!measure) return null
  const label = (row: Row) => {
    const key = LABEL_KEYS.find((name) => typeof row[name] === 'string' && row[name] !== '')
    return key ? (row[key] as string) : null
  }
  const labels = rows.map(label)
  if (labels.some((text) => text === null)) return null
  return { kind: 'ranking', path, measure, labels: labels as string[], values: rows.map((row) => figure(row[measure]) ?? 0) }
}

/**
 * The chart that fits one tool's data, or null: a time series wins over a
 * ranking; a single point or a lone row is not worth a chart.
 */
export function chartOf(data: Json): AnswerChartData | null {
  const arrays = arraysOf(data)
  for (const { path, rows } of arrays) {
    const chart = timeChart(path, rows)
    if (chart) return chart
  }
  for (const { path, rows } of arrays) {
    const chart = rankingChart(path, rows)
    if (chart) return chart
  }
  return null
}

/** The first chart that fits among an answer's tool calls, with the tool it came from. */
export function answerChartOf(calls: ReadonlyArray<{ tool: string; data: Json }>): { tool: string; chart: AnswerChartData } | null {
  for (const call of calls) {
    const chart = chartOf(call.data)
    if (chart) return { tool: call.tool, chart }
  }
  return null
}
