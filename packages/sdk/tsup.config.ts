import { defineConfig } from 'tsup'

/**
 * Property names that only our own code reads and writes, shortened in the
 * published build (esbuild `mangleProps`): a part of what keeps the browser
 * entry within its 6 KB budget. Never list a name that crosses our code —
 * an option, a wire or storage field, an error field, a tRPC path
 * (`insights.report`), a DOM, fetch or Promise member. `dist-smoke.test.ts`
 * runs the built files end to end to prove the list safe.
 */
const MANGLED = [
  // Queue entries and batching.
  'seq',
  'json',
  'bytes',
  // A `flush()` waiting for its sequence number.
  'target',
  // Retry decisions and send results.
  'kind',
  'delayMs',
  'baseMs',
  'capMs',
  'maxRetryAfterMs',
  // The pipeline, the queue store and the page hooks, between our own modules.
  'enqueue',
  'adopt',
  'sendOnHide',
  'discardQueued',
  'saveNow',
  'save',
  'owned',
  'claimOrphans',
  'onHide',
  'onShow',
  'browser',
  'client',
  'resolved',
]

export default defineConfig({
  // `ingest` is the events-only entry for pages that never read data (smaller bundle).
  entry: ['src/index.ts', 'src/ingest.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // The same build runs in browsers, workers and Node: nothing platform-specific is injected.
  platform: 'neutral',
  esbuildOptions(options) {
    options.mangleProps = new RegExp(`^(${MANGLED.join('|')})$`)
  },
})
