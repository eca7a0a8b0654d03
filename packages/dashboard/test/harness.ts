import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLogger, parseEnv, type RapportServer, startServer } from '@rapport/server'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

/** Debian's chromium; the tests never download a browser. */
const CHROMIUM = '/usr/bin/chromium'
export const ARTIFACTS = fileURLToPath(new URL('../test-results/', import.meta.url))

/** The real server (built package) on a loopback port over in-memory PGlite; it serves the built dashboard. */
export function startTestServer(): Promise<RapportServer> {
  return startServer({
    env: parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'silent', RAPPORT_RATE_LIMIT_PER_SECOND: '0' }),
    database: { kind: 'pglite', directory: undefined },
    sessionSecret: 'dashboard-test-session-secret-long-enough-0000',
    log: createLogger('error'),
  })
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
}

export interface Session {
  context: BrowserContext
  page: Page
  /** Console errors and failed page scripts: a CSP violation shows up here. */
  errors: string[]
}

export async function openSession(browser: Browser, baseURL: string, viewport = { width: 1280, height: 800 }): Promise<Session> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-GB', timezoneId: 'Europe/London' })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const errors: string[] = []
  page.on('console', (message) => {
    // 4xx answers are part of the scenarios (a 401 is how the app learns the session ended, a 400
    // carries field messages); the browser logs each such request as an error itself.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return { context, page, errors }
}

/** Saves a full-page screenshot as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}
