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

/** Signs up a new account and creates a project through the pages, as a person would; returns the project's base path. */
export async function signUpWithProject(page: Page, project: { name: string; currency: string; timezone: string }): Promise<{ email: string; projectPath: string }> {
  const email = `owner-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`
  await page.goto('/signup')
  await page.getByLabel('Your name').fill('Owner')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await page.waitForURL(/\/projects\/new$/)
  await page.getByLabel('Project name').fill(project.name)
  await page.getByLabel('Reporting currency').fill(project.currency)
  await page.getByLabel('Time zone').fill(project.timezone)
  await page.getByRole('button', { name: 'Create project' }).click()
  await page.waitForURL(/\/p\/[0-9a-f-]+\/connect$/)
  return { email, projectPath: new URL(page.url()).pathname.replace(/\/connect$/, '') }
}

/** A tRPC query with the page's session cookie: the API's own answer, to compare with what the page shows. */
export async function trpcQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
  const body = (await response.json()) as { result?: { data: T }; error?: unknown }
  if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`)
  return body.result.data
}
