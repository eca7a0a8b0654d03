export type { AppRouter } from './router.js'
export { startServer, type RapportServer, type RapportServerOptions } from './server.js'
export { parseEnv, type Env } from './env.js'
export { createLogger } from './logger.js'
