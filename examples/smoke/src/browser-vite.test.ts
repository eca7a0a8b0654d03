import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, expect, inject, it } from 'vitest'
import { example } from './paths.js'
import { cleanEnv, runToEnd } from './processes.js'
import { serveStatic } from './static-server.js'
import { createTenant, customer } from './tenant.js'

/** Debian's chromium, as in the dashboard's browser tests; no browser is downloaded. */
const CHROMIUM = '/usr/bin/chromium'
const outDir = mkdtempSync(join(tmpdir(), 'rapport-browser-vite-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

it('browser-vite: builds with vite, and events queued while offline survive a reload and arrive', async () => {
  const rapport = inject('rapportUrl')
  const tenant = await createTenant(rapport, { currency: 'EUR', timezone: 'Europe/Berlin' })
  const dir = example('browser-vite')
  const vite = join(dirname(createRequire(join(dir, 'package.json')).resolve('vite/package.json')), 'bin/vite.js')
  const build = await runToEnd(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: dir,
    env: cleanEnv({ VITE_RAPPORT_KEY: tenant.publishableKey, VITE_RAPPORT_HOST: rapport }),
  })
  expect(build.code, build.stderr).toBe(0)
  expect(readdirSync(join(outDir, 'assets')).some((file) => file.endsWith('.js'))).toBe(true)
  if (!existsSync(CHROMIUM)) return // CI installs it (.ci/run); the build above is still checked.

  const site = await serveStatic(outDir)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
  try {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    // Offline for Rapport: every send fails, so the events can only live in localStorage.
    await page.route(`${rapport}/v1/**`, (route) => route.abort('internetdisconnected'))
    await page.goto(site.url)
    await expect.poll(() => page.locator('#status').textContent()).toBe(`Sending to ${rapport}`)
    await page.getByLabel('Customer id').fill('browser-user-1')
    await page.getByLabel('Email').fill('bea@example.com')
    await page.getByRole('button', { name: 'Sign up' }).click()
    await page.getByRole('button', { name: /Buy a mug/ }).click()
    const queued = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('rapport:') && (localStorage.getItem(key) ?? '').includes('browser-user-1')).length)
    await expect.poll(queued).toBeGreaterThan(0)

    await page.reload()
    await page.unroute(`${rapport}/v1/**`)
    await expect.poll(() => customer(rapport, tenant.secretKey, 'browser-user-1'), { timeout: 30_000, interval: 250 }).toMatchObject({
      email: 'bea@example.com',
      totals: { orders: 1, netSpent: '12.50' },
    })
    expect(errors).toEqual([])
  } finally {
    await browser.close()
    await site.close()
  }
})
