import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export interface BarChartProps {
  /** Read by screen readers in place of the picture; the figures are also in a table on the page. */
  label: string
  /** One bar per label, in this order (a ranking: the first is the largest). */
  labels: string[]
  values: number[]
  /** The legend's name of the figure, e.g. "Net revenue". */
  measure: string
  /** The legend's name of a bar, e.g. "Item". */
  category: string
  formatValue: (value: number) => string
  color?: string
  /** @default 260 */
  height?: number
}

/** Long names would overlap under narrow bars: cut to what fits one bar's width (about 7 px a character). */
function short(text: string, barWidth: number): string {
  const fits = Math.max(3, Math.floor(barWidth / 7) - 1)
  return text.length > fits ? `${text.slice(0, fits - 1)}…` : text
}

function options(props: BarChartProps, width: number): uPlot.Options {
  const bars = uPlot.paths.bars?.({ size: [0.6, 64], align: 0 })
  const color = props.color ?? '#0969da'
  return {
    width,
    height: props.height ?? 260,
    legend: { live: true },
    cursor: { points: { show: false }, drag: { x: false, y: false } },
    scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y: { range: (_u, min, max) => [Math.min(0, min), Math.max(0, max) * 1.05 || 1] } },
    axes: [
      {
        splits: () => props.labels.map((_label, index) => index),
        values: (u, splits) => splits.map((split) => short(props.labels[split] ?? '', u.bbox.width / uPlot.pxRatio / Math.max(1, props.labels.length))),
        stroke: '#57606a',
        grid: { show: false },
        size: 40,
      },
      { values: (_u, splits) => splits.map((split) => props.formatValue(split)), size: 80, stroke: '#57606a', grid: { stroke: '#eaeef2' } },
    ],
    series: [
      { label: props.category, value: (_u, index) => (index === null ? '—' : (props.labels[index] ?? '')) },
      {
        label: props.measure,
        stroke: color,
        fill: `${color}cc`,
        width: 1,
        points: { show: false },
        ...(bars ? { paths: bars } : {}),
        value: (_u, value) => (value === null || value === undefined ? '—' : props.formatValue(value)),
      },
    ],
  }
}

/** Bars of a ranking (uPlot's bar paths, canvas); keyboard and screen-reader users get the table beside it. */
export function BarChart(props: BarChartProps) {
  const box = useRef<HTMLDivElement>(null)
  const latest = useRef(props)
  latest.current = props
  // Rebuilt when what is drawn changes, not on every render of the parent.
  const signature = JSON.stringify([props.labels, props.values, props.label, props.measure, props.category, props.height, props.formatValue(1234.5)])
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature` stands for the props read through `latest`
  useEffect(() => {
    const element = box.current
    if (!element) return
    const props = latest.current
    const data: uPlot.AlignedData = [props.labels.map((_label, index) => index), props.values]
    const chart = new uPlot(options(props, element.clientWidth || 600), data, element)
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: props.height ?? 260 }))
    resize.observe(element)
    return () => {
      resize.disconnect()
      chart.destroy()
    }
  }, [signature])
  return <div ref={box} className="chart" role="img" aria-label={props.label} />
}
