// Child process: several SDK clients (the built packages/sdk) in parallel send seeded purchases to a
// server until every batch is acknowledged. Kept out of the server's process so the server's RSS and
// event loop are its own. Prints one JSON line: seconds, per-batch latencies, problems reported.
// Run: node bench/lib/sdk-clients.mjs '{"url":…,"key":…,"clients":4,"events":20000,"tag":"r0"}'
import { createCRM } from '../../packages/sdk/dist/index.js'

const { url, key, clients, events, tag, flushAt = 500 } = JSON.parse(process.argv[2] ?? '{}')

// Mulberry32: the same purchases in every run and on every database.
function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const YEAR_MS = 365 * 86_400_000
const START = Date.UTC(2025, 0, 1)

function purchase(next, client, n) {
  const lines = 1 + Math.floor(next() * 4)
  const items = []
  let cents = 0
  for (let line = 0; line < lines; line++) {
    const quantity = 1 + Math.floor(next() * 6)
    const unitCents = 100 + Math.floor(next() * 4900)
    cents += quantity * unitCents
    items.push({ productId: `sku-${Math.floor(next() * 2000)}`, name: 'Bench product', quantity, unitPrice: (unitCents / 100).toFixed(2) })
  }
  return {
    orderId: `${tag}-${client}-${n}`,
    customerId: `customer-${Math.floor(next() * 5000)}`,
    amount: (cents / 100).toFixed(2),
    currency: 'GBP',
    country: 'United Kingdom',
    items,
    occurredAt: new Date(START + Math.floor(next() * YEAR_MS)).toISOString(),
  }
}

const latencies = []
const problems = []
// Times every batch request the SDK makes (retries included, each on its own).
const timedFetch = async (input, init) => {
  const start = performance.now()
  const response = await fetch(input, init)
  const body = await response.arrayBuffer()
  latencies.push(performance.now() - start)
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
}

const start = performance.now()
await Promise.all(
  Array.from({ length: clients }, async (_, client) => {
    const crm = createCRM({ apiKey: key, host: url, fetch: timedFetch, flushAt, maxQueueSize: events, timeout: 60_000, onError: (error) => problems.push(error.message) })
    const next = random(client + 1)
    const count = Math.floor(events / clients) + (client < events % clients ? 1 : 0)
    // Enqueued in slices so the client interleaves producing and sending, as an app would.
    for (let n = 0; n < count; n++) {
      crm.purchase(purchase(next, client, n))
      if (n % flushAt === flushAt - 1) await new Promise((resolve) => setImmediate(resolve))
    }
    await crm.flush()
    await crm.shutdown()
  }),
)
const seconds = (performance.now() - start) / 1000
process.stdout.write(`${JSON.stringify({ seconds, latencies, problems: problems.slice(0, 5), problemCount: problems.length })}\n`)
