import { defineConfig } from 'tsup'

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
})
