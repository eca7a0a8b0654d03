import { type ComponentType, createElement, lazy, type ReactElement } from 'react'

export interface LazyPage<P> {
  (props: P): ReactElement
  /** Starts loading the page's chunk; rendering it afterwards does not suspend. */
  preload(): Promise<void>
}

/**
 * A code-split page that can be loaded ahead of time. React suspends on a
 * `lazy` component the first time it renders, and React 19 then keeps the
 * fallback for at least 300 ms; a page whose chunk arrived during the
 * session check renders at once instead.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined
  let pending: Promise<ComponentType<P>> | undefined
  const preload = () => {
    pending ??= load().then((component) => {
      loaded = component
      return component
    })
    return pending
  }
  const Suspending = lazy(() => preload().then((component) => ({ default: component })))
  const Page = (props: P) => createElement(loaded ?? Suspending, props)
  return Object.assign(Page, { preload: () => preload().then(() => undefined) })
}
