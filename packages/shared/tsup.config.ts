import { defineConfig } from 'tsup'

export default defineConfig({
  // `limits` is its own entry so browser code can read the bounds without bundling zod.
  entry: ['src/index.ts', 'src/limits.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
})
