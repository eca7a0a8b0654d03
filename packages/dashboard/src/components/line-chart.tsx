import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export interface ChartSeries {
  label: string
  /** One value per x; null leaves a gap. */
  values: Array<number | null>
  color: string
  dashed?: boolean
  /** Drawn as markers only (anomalies), no line. */
  markers?: boolean
  /** Not drawn as a line: an edge of a band (see `bands`). */
  hidden?: boolean
}

/** The area between two series (indexes into `series`), e.g. a forecast's 95% interval. */
export interface ChartBand {
  upper: number
  lower: number
  fill: string
}

export interface LineChartProps {
  /** Read by screen readers in place of the picture; the figures are also in a table on the page. */
  label: string
  /** `YYYY-MM-DD` of each point. */
  dates: string[]
  series: ChartSeries[]
  formatValue: (value: number) => string
  formatDate: (date: string) => string
  /** @default 280 */
  height?: number
  bands?: ChartBand[]
}

const toSeconds = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000
const fromSeconds = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10)

function options(props: LineChartProps, width: number): uPlot.Options {
  return {
    width,
    height: props.height ?? 280,
    // Room on the right for the last date's label, centred on the last point.
    padding: [12, 48, 0, 0],
    // Dates are calendar days of the project's zone already: show them as they are.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    legend: { live: true },
    cursor: { points: { size: 7 } },
    scales: { x: { time: true } },
    // uPlot counts the x values as series 0.
    bands: (props.bands ?? []).map((band) => ({ series: [band.upper + 1, band.lower + 1] as [number, number], fill: band.fill })),
    axes: [
      {
        // Ticks on the intervals themselves (at most ~10 labels), so a month is never labelled twice.
        splits: (u) => {
          const xs = (u.data[0] ?? []) as number[]
          const step = Math.max(1, Math.ceil(xs.length / 10))
          return xs.filter((_x, index) => index % step === 0)
        },
        values: (_u, splits) => splits.map((split) => props.formatDate(fromSeconds(split))),
        stroke: '#57606a',
        grid: { stroke: '#eaeef2' },
      },
      { values: (_u, splits) => splits.map((split) => props.formatValue(split)), size: 80, stroke: '#57606a', grid: { stroke: '#eaeef2' } },
    ],
    series: [
      { value: (_u, seconds) => (seconds === null ? '—' : props.formatDate(fromSeconds(seconds))) },
      ...props.series.map<uPlot.Series>((series) => ({
        label: series.label,
        stroke: series.color,
        width: series.markers ? 0 : 2,
        dash: series.dashed ? [6, 4] : [],
        spanGaps: !series.markers,
        value: (_u, value) => (value === null || value === undefined ? '—' : props.formatValue(value)),
        ...(series.hidden ? { width: 0, points: { show: false } } : {}),
        ...(series.markers ? { paths: () => null, points: { show: true, size: 11, fill: series.color, stroke: '#ffffff', width: 2 } } : {}),
      })),
    ],
  }
}

/** A time series chart (uPlot, canvas): fast on thousands of points, keyboard users get the table beside it. */
export function LineChart(props: LineChartProps) {
  const box = useRef<HTMLDivElement>(null)
  const latest = useRef(props)
  latest.current = props
  // Rebuilt when what is drawn changes (data, labels, number format), not on every render of the parent.
  const signature = JSON.stringify([props.dates, props.series, props.bands, props.label, props.height, props.formatValue(1234.5)])
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature` stands for the props read through `latest`
  useEffect(() => {
    const element = box.current
    if (!element) return
    const props = latest.current
    const data: uPlot.AlignedData = [props.dates.map(toSeconds), ...props.series.map((series) => series.values)]
    const chart = new uPlot(options(props, element.clientWidth || 600), data, element)
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: props.height ?? 280 }))
    resize.observe(element)
    return () => {
      resize.disconnect()
      chart.destroy()
    }
  }, [signature])
  return <div ref={box} className="chart" role="img" aria-label={props.label} />
}
