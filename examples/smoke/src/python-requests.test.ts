import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, inject, it } from 'vitest'
import { example } from './paths.js'
import { cleanEnv, runToEnd } from './processes.js'
import { createTenant, customer } from './tenant.js'

// Python is not a dependency of this repository: the example runs where python3 with requests is installed.
const hasRequests = spawnSync('python3', ['-c', 'import requests'], { stdio: 'ignore' }).status === 0

it.skipIf(!hasRequests)('python-requests: a batch and its resend store each event once', async () => {
  const rapport = inject('rapportUrl')
  const tenant = await createTenant(rapport, { currency: 'EUR', timezone: 'Europe/Berlin' })
  const run = await runToEnd('python3', [join(example('python-requests'), 'main.py')], { env: cleanEnv({ RAPPORT_SECRET_KEY: tenant.secretKey, RAPPORT_HOST: rapport }) })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('batch: 3 accepted, 0 duplicates, 0 rejected')
  expect(run.stdout).toContain('resent: 0 accepted, 3 duplicates')
  expect(await customer(rapport, tenant.secretKey, 'python-user-1')).toMatchObject({ totals: { orders: 1, netSpent: '30.00' } })
})
