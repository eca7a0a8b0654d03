import { dataDir, EnvError, parseEnv, sessionSecret } from './env.js'
import { createLogger } from './logger.js'
import { startServer } from './server.js'

async function main(): Promise<void> {
  let env: ReturnType<typeof parseEnv>
  try {
    env = parseEnv()
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
  const log = createLogger(env.RAPPORT_LOG_LEVEL)
  const directory = dataDir(env)
  const server = await startServer({
    env,
    log,
    sessionSecret: sessionSecret(env, directory),
    database: env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', directory },
  })
  const store = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${directory}`
  log.info({ url: server.url, database: env.DATABASE_URL ? 'postgres' : 'pglite' }, 'listening')
  process.stdout.write(
    [
      '',
      `  Rapport is listening on ${server.url}  (data: ${store})`,
      '',
      '  Create your account, first project and API keys:',
      `    npx rapport setup --email you@example.com --password 'a long password' --project "My shop" --host ${server.url}`,
      `  HTTP API reference: ${server.url}/v1/openapi.json`,
      '',
    ].join('\n'),
  )

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down: finishing in-flight requests')
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  process.stderr.write(`Rapport failed to start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
