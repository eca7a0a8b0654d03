import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // One real server (the built package, as `npm start` runs it) for every example.
    globalSetup: ['src/global-setup.ts'],
    // The examples share that server and the two cores of the machine: one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
