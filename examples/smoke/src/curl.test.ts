import { join } from 'node:path'
import { expect, inject, it } from 'vitest'
import { example } from './paths.js'
import { cleanEnv, runToEnd } from './processes.js'
import { createTenant, customer } from './tenant.js'

it('curl.sh: the plain HTTP walk-through exits 0 and its customer and purchase arrive', async () => {
  const rapport = inject('rapportUrl')
  const tenant = await createTenant(rapport, { currency: 'EUR', timezone: 'Europe/Berlin' })
  const run = await runToEnd('bash', [join(example('curl'), 'curl.sh')], { env: cleanEnv({ RAPPORT_SECRET_KEY: tenant.secretKey, RAPPORT_HOST: rapport }) })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('"status":"duplicate"')
  expect(run.stdout).toContain('"accepted":1')
  expect(await customer(rapport, tenant.secretKey, 'curl-user-1')).toMatchObject({ email: 'ann@example.com', totals: { orders: 1, netSpent: '49.90' } })
})
