// Enqueue cost of the built SDK: time per call and heap per queued event, alone and against the
// Node SDKs users would otherwise pick.
// Run: node --expose-gc bench/sdk-enqueue.mjs [--quick]   (after `npx tsup` in packages/sdk)
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { Analytics } from '@segment/analytics-node'
import { PostHog } from 'posthog-node'
import { createCRM } from '../packages/sdk/dist/index.js'
import { fmt, median, repeat, report } from './lib/stats.mjs'

const quick = process.argv.includes('--quick')
const N = quick ? 10_000 : 100_000
const peerVersion = (name) => JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version
if (typeof globalThis.gc !== 'function') {
  console.error('Run with --expose-gc for the memory figure')
  process.exit(1)
}

// A fetch that never answers: everything stays queued (one batch parked in flight).
const never = () => new Promise(() => {})
const options = { apiKey: 'rk_pub_bench', fetch: never, flushAt: 500, maxQueueSize: N * 2, flushInterval: 3_600_000 }

function run(label, enqueue) {
  const crm = createCRM(options)
  for (let i = 0; i < 2_000; i++) enqueue(crm, i) // warm-up (JIT)
  const warm = createCRM(options)
  globalThis.gc()
  const heapBefore = process.memoryUsage().heapUsed
  const start = process.hrtime.bigint()
  for (let i = 0; i < N; i++) enqueue(warm, i)
  const ns = Number(process.hrtime.bigint() - start) / N
  globalThis.gc()
  const bytes = (process.memoryUsage().heapUsed - heapBefore) / N
  console.log(`${label.padEnd(9)} ${ns.toFixed(0).padStart(6)} ns/op  ${bytes.toFixed(0).padStart(5)} bytes/queued event`)
  return warm
}

// Keeps the clients and their queues reachable until every figure is printed.
const keep = [
  run('track', (crm, i) => crm.track(`user-${i % 1000}`, 'feature_used', { feature: 'export', step: i })),
  run('identify', (crm, i) => crm.identify(`user-${i}`, { email: `u${i}@example.com`, name: 'Ann', plan: 'pro' })),
  run('purchase', (crm, i) => crm.purchase({ customerId: `user-${i}`, orderId: `A-${i}`, amount: '49.90', currency: 'EUR', items: [{ productId: 'sku-1', quantity: 2 }] })),
]
// Against the peers: our `crm.purchase` vs `@segment/analytics-node` `track` and `posthog-node`
// `capture` of the same order, each pointed at a local HTTP sink on loopback (answering 200 at
// once), batches as large as each allows (ours 500 events, Segment 480 KB, PostHog unlimited with
// flushing off), 3 runs on fresh clients. Time = the calls plus draining the microtasks they
// started (Segment and PostHog enqueue through promises). Memory = heap retained per event with the
// sink never answering (`/hang`), so every event stays held by its client.
const hanging = new Set()
const sink = createServer((request, response) => {
  if (request.url?.startsWith('/hang')) return void hanging.add(request.socket) // never answers: batches stay in flight
  request.resume()
  request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"Ok"}'))
})
await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve))
const SINK = `http://127.0.0.1:${sink.address().port}`
const PEER_N = quick ? 500 : 100_000
// Memory runs hold every event (Segment ~13 KB each): fewer, or three runs exhaust the heap.
const MEMORY_N = quick ? 500 : 20_000
const drain = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve))
}
const ORDER = (i) => ({ orderId: `A-${i}`, customerId: `user-${i % 1000}`, amount: '49.90', currency: 'EUR', items: [{ productId: 'sku-1', quantity: 2, unitPrice: '24.95' }] })
const PROPERTIES = (i) => ({ order_id: `A-${i}`, revenue: 49.9, currency: 'EUR', products: [{ product_id: 'sku-1', quantity: 2, price: 24.95 }] })
const SDKS = [
  {
    label: 'ours: crm.purchase',
    client: (host) => createCRM({ apiKey: 'rk_pub_bench', host, flushAt: 500, maxQueueSize: PEER_N * 2, flushInterval: 3_600_000, onError: () => {} }),
    call: (crm, i) => crm.purchase(ORDER(i)),
  },
  {
    label: `@segment/analytics-node ${peerVersion('@segment/analytics-node')} track`,
    // Against the silent sink its requests must not time out (default 10 s: the events would be
    // dropped); against the answering one the default, as a longer timer keeps each batch alive.
    client: (host) => new Analytics({ writeKey: 'bench', host, flushAt: PEER_N * 2, flushInterval: 3_600_000, maxRetries: 0, ...(host.endsWith('/hang') ? { httpRequestTimeout: 3_600_000 } : {}) }),
    call: (analytics, i) => analytics.track({ userId: `user-${i % 1000}`, event: 'Order Completed', properties: PROPERTIES(i) }),
  },
  {
    label: `posthog-node ${peerVersion('posthog-node')} capture`,
    client: (host) => new PostHog('phc_bench', { host, flushAt: PEER_N * 2, maxQueueSize: PEER_N * 2, maxBatchSize: PEER_N * 2, flushInterval: 0, disableGeoip: true }),
    call: (posthog, i) => posthog.capture({ distinctId: `user-${i % 1000}`, event: 'purchase', properties: PROPERTIES(i) }),
  },
]

async function peerRun(sdk, host, n) {
  const warm = sdk.client(host)
  for (let i = 0; i < Math.min(2_000, PEER_N); i++) sdk.call(warm, i) // warm-up (JIT)
  await drain()
  const client = sdk.client(host)
  globalThis.gc()
  const heapBefore = process.memoryUsage().heapUsed
  const start = process.hrtime.bigint()
  for (let i = 0; i < n; i++) sdk.call(client, i)
  await drain()
  const ns = Number(process.hrtime.bigint() - start) / n
  globalThis.gc()
  const bytes = (process.memoryUsage().heapUsed - heapBefore) / n
  // Lets the clients go (their held events with them) so the runs do not add up in the heap.
  for (const socket of hanging) socket.destroy()
  hanging.clear()
  if (!warm || !client) throw new Error('unreachable')
  return { ns, bytes }
}

console.log(`  enqueue of one order against a loopback sink: ${PEER_N.toLocaleString('en')} calls per run (time), ${MEMORY_N.toLocaleString('en')} (memory):`)
const figures = []
for (const sdk of SDKS) {
  const times = await repeat(3, async () => (await peerRun(sdk, SINK, PEER_N)).ns)
  const memory = await repeat(3, async () => (await peerRun(sdk, `${SINK}/hang`, MEMORY_N)).bytes)
  figures.push({ ...sdk, times, memory })
}
const [ours, ...peers] = figures
for (const figure of figures) report(`${figure.label} (ns/op)`, figure.times, 'ns/op')
for (const figure of figures) report(`${figure.label} (bytes/queued event)`, figure.memory, 'bytes')
for (const peer of peers) console.log(`  ours = ${fmt(median(ours.times) / median(peer.times))} × ${peer.label} in time, ${fmt(median(ours.memory) / median(peer.memory))} × in memory per event`)
if (keep.length === 0) console.log(keep)
process.exit(0)
