import { useCallback, useSyncExternalStore } from 'react'

const listeners = new Set<() => void>()

function notify(): void {
  for (const listener of listeners) listener()
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify)

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Path and query of the current page, e.g. `/p/1/customers?search=ann`. */
export function currentPath(): string {
  return window.location.pathname + window.location.search
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one. @default false */
  replace?: boolean
}

export function navigate(to: string, options: NavigateOptions = {}): void {
  if (to === currentPath()) return
  if (options.replace) window.history.replaceState(null, '', to)
  else {
    window.history.pushState(null, '', to)
    window.scrollTo(0, 0)
  }
  notify()
}

/** The current path and query; re-renders on navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const path = useSyncExternalStore(subscribe, currentPath)
  const url = new URL(path, 'http://local')
  return { pathname: url.pathname, search: url.searchParams }
}

/** A query parameter of the page, and a setter that keeps the others. */
export function useSearchParam(name: string): [string, (value: string | undefined) => void] {
  const { search } = useLocation()
  const value = search.get(name) ?? ''
  const set = useCallback(
    (next: string | undefined) => {
      const url = new URL(currentPath(), 'http://local')
      if (next === undefined || next === '') url.searchParams.delete(name)
      else url.searchParams.set(name, next)
      navigate(url.pathname + url.search, { replace: true })
    },
    [name],
  )
  return [value, set]
}

/** Only same-site paths are followed after log-in: never `//evil.example` or a full URL. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/'
}
