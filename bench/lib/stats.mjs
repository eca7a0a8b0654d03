// Figures of repeated runs: median and spread, quantiles, and the fixed-width lines the benchmarks print.

export const median = (values) => quantile(values, 0.5)

/** The q-quantile of the values (nearest rank, on a sorted copy). */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

const digits = (value) => (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2)
export const fmt = (value) =>
  value === undefined || Number.isNaN(value) ? '—' : value.toLocaleString('en', { maximumFractionDigits: digits(value), minimumFractionDigits: 0 })

/** `median (min–max, n runs)`. */
export const spread = (values) => `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))}, n=${values.length})`

/** Prints one figure: label, median and spread, unit, and optionally its reference and the ratio. */
export function report(label, values, unit, reference) {
  let line = `  ${label.padEnd(44)} ${spread(values).padStart(30)} ${unit}`
  if (reference) line += `   = ${fmt(median(values) / median(reference.values))} × ${reference.label}`
  console.log(line)
}

/** Runs `fn` `runs` times in sequence and returns the results. */
export async function repeat(runs, fn) {
  const results = []
  for (let run = 0; run < runs; run++) results.push(await fn(run))
  return results
}
