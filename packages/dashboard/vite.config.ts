import { defineConfig } from 'vite'

/** Where `npm run dev` sends API calls: a server started with `npm start`. */
const API = 'http://localhost:3000'

export default defineConfig({
  // esbuild compiles the JSX; no React plugin (fast refresh is the only thing it would add).
  esbuild: { jsx: 'automatic' },
  build: {
    target: 'es2022',
    // Every browser we target has modulepreload; the polyfill would only add an inline-free shim.
    modulePreload: { polyfill: false },
    sourcemap: true,
    reportCompressedSize: false,
    rollupOptions: {
      // The chart library is shared by Overview and Reports: one named chunk, loaded with either.
      output: { manualChunks: (id) => (id.includes('/node_modules/uplot/') ? 'charts' : undefined) },
      onwarn(warning, warn) {
        // React Query marks its hooks "use client" for server-component bundlers; meaningless in an SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'SOURCEMAP_ERROR') return
        warn(warning)
      },
    },
  },
  server: {
    proxy: { '/trpc': API, '/v1': API, '/health': API, '/ready': API },
  },
})
