import type { AddressInfo } from 'node:net'
import { createCRM } from '@rapport/sdk'
import { createShop } from './shop.js'

// RAPPORT_KEY: the project's secret (or publishable) key; RAPPORT_HOST: where `npm start` runs Rapport.
const crm = createCRM({
  apiKey: process.env.RAPPORT_KEY,
  host: process.env.RAPPORT_HOST ?? 'http://localhost:3000',
  onError: (error) => console.error(`rapport: ${error.message}`),
})

const server = createShop(crm).listen(Number(process.env.PORT ?? 4000), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  console.log(`Shop listening on http://127.0.0.1:${port}`)
})

// Deliver what is still queued before the process exits (deploys, Ctrl-C).
async function stop(): Promise<void> {
  server.close()
  await crm.shutdown({ timeout: 5_000 })
  console.log('Shop stopped; Rapport queue flushed')
  process.exit(0)
}
process.once('SIGTERM', () => void stop())
process.once('SIGINT', () => void stop())
