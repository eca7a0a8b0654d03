import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate, useLocation } from './history'

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  to: string
  /** Marks the link `aria-current="page"` when the page is under `to`. */
  nav?: boolean
}

/** An ordinary link (open in a new tab works) that navigates without reloading the page. */
export function Link({ to, nav, onClick, 'aria-current': ariaCurrent, ...rest }: LinkProps) {
  const { pathname } = useLocation()
  const active = nav === true && (pathname === to || pathname.startsWith(`${to}/`))
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return <a href={to} onClick={follow} {...rest} aria-current={active ? 'page' : ariaCurrent} />
}
