#!/usr/bin/env node
import { importCommand } from './cli/import-command.js'
import { setupCommand } from './cli/setup.js'

const COMMANDS: Record<string, (argv: string[], out: (line: string) => void) => Promise<number>> = {
  setup: setupCommand,
  import: importCommand,
}

const USAGE = `Usage: rapport <command> [options]

Commands:
  start    start the server (the default; configured like npm start: PORT, DATABASE_URL, RAPPORT_*)
  setup    create an account, a project and its API keys (rapport setup --help)
  import   import a CSV file of orders (rapport import --help)`

async function run(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2)
  const out = (line: string) => process.stdout.write(`${line}\n`)
  const command = name ? COMMANDS[name] : undefined
  if (!command) {
    out(USAGE)
    return name === undefined || name === '--help' || name === 'help' ? 0 : 2
  }
  try {
    return await command(rest, out)
  } catch (error) {
    process.stderr.write(`rapport ${name}: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
}

// `npx @rapport/server` (no command) or `rapport start` runs the server itself, as `npm start` does.
const first = process.argv[2]
if (first === undefined || first === 'start') await import('./main.js')
else
  run().then((code) => {
    process.exitCode = code
  })
