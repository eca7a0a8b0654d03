import type { CreatedApiKey, ProjectCreated, SessionResult } from '@rapport/shared'
import { http, trpc } from './http.js'

/** A tenant with data: an account, its session, one project with keys, a customer, an order and a refund. */
export interface SeededTenant {
  /** Lower-case label used in every stored string, e.g. `alice`. */
  label: string
  email: string
  password: string
  token: string
  projectId: string
  publishableKey: string
  secretKey: string
  /** A spare secret key (safe to revoke in a test). */
  spareKeyId: string
  /** A secret key that was revoked before the test started. */
  revokedKey: string
  customerId: string
  orderId: string
  refundId: string
  /**
   * Strings that exist only in this tenant's stored data (names, emails,
   * product names, amounts): a response to another tenant that contains one of
   * them has leaked data.
   */
  markers: string[]
}

let counter = 0

async function must<T>(label: string, call: Promise<{ status: number; body: { result?: { data: T } } }>): Promise<T> {
  const answer = await call
  const data = answer.body.result?.data
  if (answer.status !== 200 || data === undefined) throw new Error(`${label} failed: ${answer.status} ${JSON.stringify(answer.body)}`)
  return data
}

/**
 * Registers an account, creates a project whose keys ingest a customer, an
 * order and a refund made of strings unique to `label`, and revokes one extra key.
 */
export async function seedTenant(baseUrl: string, label: string): Promise<SeededTenant> {
  counter += 1
  const tag = `${label.toUpperCase()}-PRIVATE-${counter}`
  const email = `${label}-${counter}-${Math.random().toString(36).slice(2)}@example.com`
  const password = `correct horse ${label} battery`
  const session = await must<SessionResult>('register', trpc(baseUrl, 'auth.register', { name: `${tag} owner`, email, password }))
  const token = session.token
  const created = await must<ProjectCreated>(
    'projects.create',
    trpc(baseUrl, 'projects.create', { name: `${tag} shop`, currency: 'GBP', timezone: 'Europe/London' }, { token }),
  )
  const projectId = created.project.id
  const spare = await must<CreatedApiKey>('keys.create', trpc(baseUrl, 'keys.create', { projectId, kind: 'secret', name: 'spare' }, { token }))
  const revoked = await must<CreatedApiKey>('keys.create', trpc(baseUrl, 'keys.create', { projectId, kind: 'secret', name: 'revoked' }, { token }))
  await must('keys.revoke', trpc(baseUrl, 'keys.revoke', { projectId, keyId: revoked.id }, { token }))

  const customerId = `${label}-customer-${counter}`
  const orderId = `${label}-order-${counter}`
  const refundId = `${label}-refund-${counter}`
  const amount = `${4000 + counter}.${label.length}7`
  const events = [
    { type: 'identify', customerId, email: `${tag.toLowerCase()}@customers.example`, name: `${tag} customer`, traits: { secret: `${tag} trait` } },
    {
      type: 'purchase',
      orderId,
      customerId,
      amount,
      currency: 'GBP',
      country: `${tag} land`,
      items: [{ productId: `${label}-product`, name: `${tag} product`, quantity: 1, unitPrice: amount }],
      occurredAt: '2025-03-03T10:00:00Z',
    },
    { type: 'refund', refundId, orderId, amount: '1.00', currency: 'GBP', reason: `${tag} reason`, occurredAt: '2025-03-04T10:00:00Z' },
    { type: 'track', customerId, name: 'viewed', properties: { page: `${tag} page` } },
  ]
  const sent = await http<{ accepted: number }>(`${baseUrl}/v1/batch`, { token: created.publishableKey.key, body: { events } })
  if (sent.status !== 200 || sent.body.accepted !== events.length) throw new Error(`seeding events failed: ${JSON.stringify(sent.body)}`)

  return {
    label,
    email,
    password,
    token,
    projectId,
    publishableKey: created.publishableKey.key,
    secretKey: created.secretKey.key,
    spareKeyId: spare.id,
    revokedKey: revoked.key,
    customerId,
    orderId,
    refundId,
    markers: [tag, tag.toLowerCase(), email, amount, created.secretKey.key, created.publishableKey.key, spare.key],
  }
}
