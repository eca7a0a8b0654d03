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
  const onPageHide = () => hooks.onHide(true)
  const onPageShow = (event: Event) => {
    if ((event as { persisted?: boolean }).persisted) hooks.onShow()
  }
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') hooks.onHide(false)
  }
  window.addEventListener('pagehide', onPageHide)
  window.addEventListener('pageshow', onPageShow)
  document.addEventListener('visibilitychange', onVisibility)
  return () => {
    window.removeEventListener('pagehide', onPageHide)
    window.removeEventListener('pageshow', onPageShow)
    document.removeEventListener('visibilitychange', onVisibility)
  }
}
