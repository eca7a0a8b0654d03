// How long the Overview takes to render the full online-retail sample (541,909 rows, 4,372
// customers): from navigation to KPI cards and chart on screen, in Debian's chromium, against
// the built server on PGlite. The import runs once into a data directory that later runs reuse.
//
//   npm run build -w @rapport/dashboard && node packages/dashboard/bench/overview-sample.mjs [dataDir]
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLogger, parseEnv, startServer } from '@rapport/server'
import { chromium } from 'playwright-core'

const DATASET = new URL('../../../../shared/data/online-retail.csv.gz', import.meta.url)
const dataDir = process.argv[2] ?? '/tmp/rapport-bench-online-retail'
const stateFile = join(dataDir, 'bench-state.json')
const RUNS = 5

const server = await startServer({
  env: parseEnv({ PORT: '0', HOST: '127.0.0.1', RAPPORT_LOG_LEVEL: 'error', RAPPORT_RATE_LIMIT_PER_SECOND: '0' }),
  database: { kind: 'pglite', directory: dataDir },
  sessionSecret: 'bench-session-secret-that-is-long-enough-000',
  log: createLogger('error'),
})

async function query(path, input, token) {
  const response = await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `Bearer ${token}` } })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
}

async function call(path, body, headers = {}) {
  const response = await fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const json = await response.json()
  if (!json.result) throw new Error(`${path}: ${JSON.stringify(json)}`)
  return json.result.data
}

let state
if (existsSync(stateFile)) state = JSON.parse(readFileSync(stateFile, 'utf8'))
else {
  const account = { name: 'Bench', email: 'bench@example.com', password: 'correct horse battery' }
  await call('auth.register', account)
  const { token } = await call('auth.login', { email: account.email, password: account.password })
  const created = await call('projects.create', { name: 'Online retail', currency: 'GBP', timezone: 'Europe/London' }, { authorization: `Bearer ${token}` })
  const started = performance.now()
  const response = await fetch(`${server.url}/v1/import?format=online-retail`, {
    method: 'POST',
    headers: { authorization: `Bearer ${created.secretKey.key}`, 'content-type': 'text/csv' },
    body: readFileSync(DATASET),
  })
  const summary = JSON.parse((await response.text()).trim().split('\n').at(-1))
  console.log(`import: ${summary.rowsRead} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  state = { email: account.email, password: account.password, projectId: created.project.id }
  writeFileSync(stateFile, JSON.stringify(state))
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } })
// Times are taken in the page, from navigation start, when the elements appear (Playwright's own
// waits poll with growing intervals, too coarse for this).
await context.addInitScript(() => {
  const marks = {}
  window.__marks = marks
  new MutationObserver(() => {
    const now = performance.now()
    if (!marks.kpi && document.querySelector('[data-testid="kpi-netRevenue"]')) marks.kpi = now
    if (!marks.chart && document.querySelector('.chart canvas')) marks.chart = now
    if (!marks.segments && document.querySelector('section[aria-labelledby="segments-title"] tbody tr')) marks.segments = now
    if (!marks.forecast && document.querySelector('[data-testid="forecast-model"]')) marks.forecast = now
  }).observe(document, { childList: true, subtree: true })
})
const page = await context.newPage()
const { token } = await call('auth.login', { email: state.email, password: state.password })
await context.addCookies([{ name: 'rapport_session', value: token, url: server.url }])

// The last twelve months of the data set against the twelve before, monthly.
const period = { from: '2010-12-10', to: '2011-12-10', interval: 'month' }
const path = `/p/${state.projectId}?from=${period.from}&to=${period.to}&interval=${period.interval}`

// The first read after an import builds the rollups (a server cost measured in BENCHMARKS.md,
// not the page's): done once here, untimed by the page loads.
const started = performance.now()
const input = { projectId: state.projectId, ...period }
await query('insights.report', { ...input, limit: 5, compareTo: 'previous_period' }, token)
await query('insights.trends', input, token)
await query('insights.segments', { projectId: state.projectId }, token)
await query('insights.forecast', { projectId: state.projectId, metric: 'revenue', interval: 'month' }, token)
console.log(`warm-up reads (rollups, forecast model selection): ${((performance.now() - started) / 1000).toFixed(1)} s`)

const figures = []
const whole = []
for (let run = 0; run < RUNS; run++) {
  await page.goto(path)
  await page.locator('section[aria-labelledby="segments-title"] tbody tr').first().waitFor({ timeout: 120_000 })
  await page.getByTestId('forecast-model').waitFor({ timeout: 120_000 })
  const marks = await page.evaluate(() => window.__marks)
  figures.push(Math.max(marks.kpi, marks.chart))
  whole.push(Math.max(marks.kpi, marks.chart, marks.segments, marks.forecast))
}
const net = await page.getByTestId('kpi-netRevenue').textContent()
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b)
  return `median ${sorted[Math.floor(RUNS / 2)]?.toFixed(0)} ms (best ${sorted[0]?.toFixed(0)}, worst ${sorted.at(-1)?.toFixed(0)})`
}
console.log(`overview of the full sample, net revenue ${net}, ${RUNS} loads:`)
console.log(`  KPI cards and revenue chart on screen: ${summary(figures)}`)
console.log(`  everything (segments and forecast too): ${summary(whole)}`)
await browser.close()
await server.close()
