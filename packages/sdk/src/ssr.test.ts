import { describe, expect, it, vi } from 'vitest'

describe('server-side rendering', () => {
  it('imports without touching window, and runs in memory without it', async () => {
    vi.resetModules()
    const touched: string[] = []
    for (const name of ['window', 'document', 'localStorage']) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(`${name} ${new Error().stack?.split('\n').slice(2, 4).join(' | ')}`)
          return undefined
        },
      })
    }
    try {
      const sdk = await import('./index.js')
      const ingest = await import('./ingest.js')
      // @trpc/server (under @trpc/client) runs `typeof window` at import, which is SSR-safe; our code must not look at all.
      expect(touched.filter((where) => !where.includes('node_modules/@trpc/'))).toEqual([])
      expect(typeof sdk.createCRM).toBe('function')
      expect(typeof ingest.createIngestClient).toBe('function')
      const crm = sdk.createCRM({ apiKey: 'rk_pub_x', disabled: true })
      crm.track('user-1', 'rendered')
      await crm.shutdown()
    } finally {
      for (const name of ['window', 'document', 'localStorage']) Reflect.deleteProperty(globalThis, name)
    }
  })
})
