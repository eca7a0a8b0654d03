import type { AppRouter } from '@rapport/server'
import { createTRPCClient, httpBatchLink } from '@trpc/client'

/**
 * The typed tRPC client. Same origin as the page, so the HttpOnly session cookie
 * goes with every call and nothing in the page can read it.
 */
export const api = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', maxURLLength: 4000 })],
})

export type Api = typeof api
