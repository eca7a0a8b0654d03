import { join } from 'node:path'
import { expect, inject, it } from 'vitest'
import { example } from './paths.js'
import { cleanEnv, startProcess } from './processes.js'
import { createTenant, customer } from './tenant.js'

it('node-express-shop: sign-up and checkout reach Rapport, flushed on shutdown', async () => {
  const rapport = inject('rapportUrl')
  const tenant = await createTenant(rapport, { currency: 'EUR', timezone: 'Europe/Berlin' })
  const shop = await startProcess(process.execPath, [join(example('node-express-shop'), 'dist/main.js')], {
    env: cleanEnv({ PORT: '0', RAPPORT_KEY: tenant.secretKey, RAPPORT_HOST: rapport }),
    ready: /Shop listening on (http:\/\/\S+)/,
  })
  const post = (path: string, body: unknown) =>
    fetch(`${shop.match}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  expect((await post('/signup', { userId: 'shop-user-1', email: 'ann@example.com', name: 'Ann' })).status).toBe(201)
  const checkout = await post('/checkout', { userId: 'shop-user-1', items: [{ productId: 'mug', quantity: 2 }, { productId: 'tee' }] })
  expect(checkout.status).toBe(201)
  expect(await checkout.json()).toMatchObject({ amount: '49.95', currency: 'EUR' })
  expect((await post('/checkout', { userId: 'shop-user-1', items: [{ productId: 'nope' }] })).status).toBe(400)

  // The SDK batches in the background; SIGTERM makes the shop deliver the queue before it exits.
  shop.child.kill('SIGTERM')
  expect(await shop.exited).toBe(0)
  expect(shop.output()).toContain('Rapport queue flushed')
  expect(shop.output()).not.toContain('rapport:')

  const arrived = await customer(rapport, tenant.secretKey, 'shop-user-1')
  expect(arrived?.email).toBe('ann@example.com')
  expect(arrived?.totals).toMatchObject({ orders: 1, netSpent: '49.95' })
})
