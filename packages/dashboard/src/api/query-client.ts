import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { currentPath, navigate } from '../router/history'
import { isClientError, isUnauthorized } from './errors'

const PUBLIC_PATHS = ['/login', '/signup']

/**
 * A 401 anywhere means the session ended: go to log in, remembering the page
 * so that logging in brings the user back to it.
 */
function onError(error: unknown, client: () => QueryClient): void {
  if (!isUnauthorized(error)) return
  const here = currentPath()
  if (PUBLIC_PATHS.some((path) => here.startsWith(path))) return
  client().clear()
  navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true })
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onError(error, () => queryClient) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error, () => queryClient) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => !isClientError(error) && failures < 2,
        refetchOnWindowFocus: false,
      },
    },
  })
  return queryClient
}
