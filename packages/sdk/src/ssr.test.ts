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
      // Nothing runs at import that looks at the page (the SDK no longer loads @trpc/client at all).
      expect(touched).toEqual([])
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
