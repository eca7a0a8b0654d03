import { randomUUID } from 'node:crypto'
import type { CRM } from '@rapport/sdk'
import express, { type Express } from 'express'
import { CURRENCY, findProduct, formatCents, lineTotal } from './catalogue.js'

interface SignUpBody {
  userId?: unknown
  email?: unknown
  name?: unknown
  plan?: unknown
}

interface CheckoutBody {
  userId?: unknown
  items?: unknown
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

/**
 * The shop's API. The Rapport integration is the two `crm.*` calls: they return
 * at once and deliver in the background, so the shop never waits on the CRM.
 */
export function createShop(crm: Pick<CRM, 'identify' | 'purchase'>): Express {
  const app = express()
  app.use(express.json())

  app.post('/signup', (req, res) => {
    const body = req.body as SignUpBody
    const userId = text(body.userId)
    const email = text(body.email)
    if (!userId || !email) {
      res.status(400).json({ error: 'userId and email are required' })
      return
    }
    // … create the user in your own database here …
    crm.identify(userId, { email, name: text(body.name), plan: text(body.plan) ?? 'free' })
    res.status(201).json({ userId })
  })

  app.post('/checkout', (req, res) => {
    const body = req.body as CheckoutBody
    const userId = text(body.userId)
    const requested = Array.isArray(body.items) ? (body.items as Array<{ productId?: unknown; quantity?: unknown }>) : []
    const items = requested.flatMap((item) => {
      const product = findProduct(String(item.productId))
      const quantity = Number(item.quantity ?? 1)
      return product && Number.isInteger(quantity) && quantity > 0 ? [{ ...product, quantity }] : []
    })
    if (!userId || items.length === 0 || items.length !== requested.length) {
      res.status(400).json({ error: 'userId and items ({ productId, quantity }) from the catalogue are required' })
      return
    }
    const orderId = `order-${randomUUID()}`
    const amount = formatCents(items.reduce((sum, item) => sum + lineTotal(item.unitPrice, item.quantity), 0))
    // … charge the card and store the order here …
    crm.purchase({ customerId: userId, orderId, amount, currency: CURRENCY, items })
    res.status(201).json({ orderId, amount, currency: CURRENCY })
  })

  return app
}
