import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import express, { type RequestHandler, type Response } from 'express'

/**
 * What the dashboard (a single-page app) may load: only this origin's scripts,
 * styles and API. No inline script is allowed; `data:` images cover the icon.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** Paths that belong to the APIs: never answered with the app's index.html. */
const API_PREFIXES = ['/trpc', '/v1', '/health', '/ready']

/** `packages/dashboard/dist` of the installed `@rapport/dashboard`, or undefined when it is not installed. */
export function findDashboardDist(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('@rapport/dashboard/package.json')
    return join(dirname(manifest), 'dist')
  } catch {
    return undefined
  }
}

export interface DashboardStaticOptions {
  /** The built dashboard. @default findDashboardDist() */
  directory?: string | undefined
  /** Answers `GET /` while the dashboard is not built. */
  fallback: RequestHandler
}

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
}

/**
 * Serves the built dashboard: hashed assets cached for a year, `index.html`
 * never cached (so a deploy is picked up at once), and `index.html` for any
 * other page path so that deep links work. Without a build, `/` gets the
 * fallback page and nothing else is touched.
 */
export function dashboardStatic(options: DashboardStaticOptions): RequestHandler {
  const directory = options.directory ?? findDashboardDist()
  const index = directory && join(directory, 'index.html')
  const sendIndex = (res: Response, file: string) => {
    res.setHeader('Cache-Control', 'no-cache')
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP)
    res.sendFile(file)
  }
  const assets = directory
    ? express.static(directory, {
        index: false,
        redirect: false,
        setHeaders: (res, path) => {
          res.setHeader('Content-Security-Policy', DASHBOARD_CSP)
          // Vite puts a content hash in every file name under assets/: a new build is a new URL.
          if (path.startsWith(join(directory, 'assets'))) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
          else res.setHeader('Cache-Control', 'no-cache')
        },
      })
    : undefined

  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next()
    // Checked per request: `npm run build` of the dashboard is picked up without a restart.
    if (!index || !existsSync(index)) return req.path === '/' ? options.fallback(req, res, next) : next()
    if (req.path === '/' || req.path === '/index.html') return sendIndex(res, index)
    assets?.(req, res, () => {
      // Not a file: a page of the app (`/p/…/customers`) if the browser asked for HTML, else a 404.
      if (req.path.startsWith('/assets/') || !req.accepts('html')) return next()
      sendIndex(res, index)
    })
  }
}
