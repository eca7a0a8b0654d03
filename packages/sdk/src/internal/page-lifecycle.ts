export interface PageHooks {
  /** The page was hidden; `unloading` when it is being left (it may never come back). */
  onHide(unloading: boolean): void
  /** The page came back from the back/forward cache. */
  onShow(): void
}

/**
 * Listens to the page lifecycle. `pagehide` is the last event a leaving page
 * reliably gets on desktop; on mobile, `visibilitychange` to hidden often is.
 * Returns a function that stops listening.
 */
export function watchPage(hooks: PageHooks): () => void {
  const listeners: Array<[EventTarget, string, (event: Event) => void]> = [
    [window, 'pagehide', () => hooks.onHide(true)],
    [window, 'pageshow', (event) => (event as { persisted?: boolean }).persisted && hooks.onShow()],
    [document, 'visibilitychange', () => document.visibilityState === 'hidden' && hooks.onHide(false)],
  ]
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener)
  return () => {
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener)
  }
}
