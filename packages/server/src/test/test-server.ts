import { parseEnv } from '../env.js'
import { createLogger } from '../logger.js'
import { type RapportServer, startServer } from '../server.js'
import { createTestDatabase, type Dialect, type TestDatabase } from './test-database.js'

export interface TestServer extends RapportServer {
  database: TestDatabase
  /** Stops the server and drops its database. */
  stop(): Promise<void>
}

export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-000'

/** A real server on a loopback port over a fresh database. */
export async function startTestServer(dialect: Dialect, env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase(dialect)
  const server = await startServer({
    env: parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'silent', RAPPORT_RATE_LIMIT_PER_SECOND: '0', ...env }),
    database: database.target,
    sessionSecret: TEST_SESSION_SECRET,
    log: createLogger('silent'),
  })
  return {
    ...server,
    database,
    stop: async () => {
      await server.close()
      await database.drop()
    },
  }
}
