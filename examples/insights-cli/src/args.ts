import { parseArgs } from 'node:util'
import type { Interval } from '@rapport/sdk'

export interface CliOptions {
  from: string
  to: string
  interval: Interval
}

const USAGE = `Usage: rapport-insights [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--interval day|week|month]

Prints the report, trends, segments, forecast and recommendations of the project
whose secret key is in RAPPORT_SECRET_KEY (server: RAPPORT_HOST, default http://localhost:3000).
The period defaults to the last 90 days; \`to\` is exclusive.`

const INTERVALS: readonly Interval[] = ['day', 'week', 'month']

/** The command line, or the usage text when it is wrong. */
export function parseCli(argv: string[], today = new Date()): CliOptions | { usage: string } {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: 'string' }, to: { type: 'string' }, interval: { type: 'string', default: 'week' }, help: { type: 'boolean' } },
    strict: true,
  })
  const interval = INTERVALS.find((name) => name === values.interval)
  if (values.help || !interval) return { usage: USAGE }
  const to = values.to ?? isoDate(addDays(today, 1))
  return { from: values.from ?? isoDate(addDays(new Date(`${to}T00:00:00Z`), -90)), to, interval }
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}
