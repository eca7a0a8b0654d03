// Enqueue cost of the built SDK: time per call and heap per queued event.
// Run: node --expose-gc bench/sdk-enqueue.mjs [--quick]   (after `npx tsup` in packages/sdk)
import { createCRM } from '../packages/sdk/dist/index.js'

const N = process.argv.includes('--quick') ? 10_000 : 100_000
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

const keep = [
  run('track', (crm, i) => crm.track(`user-${i % 1000}`, 'feature_used', { feature: 'export', step: i })),
  run('identify', (crm, i) => crm.identify(`user-${i}`, { email: `u${i}@example.com`, name: 'Ann', plan: 'pro' })),
  run('purchase', (crm, i) => crm.purchase({ customerId: `user-${i}`, orderId: `A-${i}`, amount: '49.90', currency: 'EUR', items: [{ productId: 'sku-1', quantity: 2 }] })),
]
// Keeps the queues reachable until all figures are printed.
if (keep.length !== 3) console.log(keep)
process.exit(0)
