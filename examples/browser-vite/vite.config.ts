import { defineConfig } from 'vite'

export default defineConfig({
  build: { target: 'es2022', reportCompressedSize: false },
  // `npm run dev` serves on 5173; Rapport answers CORS for any origin, so no proxy is needed.
  server: { port: 5173 },
})
