import { randomUUID } from 'node:crypto'

export interface Tenant {
  projectId: string
  publishableKey: string
  secretKey: string
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, init)
  const body: unknown = await response.json()
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${JSON.stringify(body)}`)
  return body as T
}

/** Signs up and creates a project over plain HTTP (tRPC procedures take JSON), as the README shows. */
export async function createTenant(baseUrl: string, project: { currency: string; timezone: string }): Promise<Tenant> {
  const json = { 'content-type': 'application/json' }
  const email = `owner-${randomUUID()}@example.com`
  const session = await call<{ result: { data: { token: string } } }>(`${baseUrl}/trpc/auth.register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name: 'Owner', email, password: 'correct horse battery staple' }),
  })
  const created = await call<{ result: { data: { project: { id: string }; publishableKey: { key: string }; secretKey: { key: string } } } }>(
    `${baseUrl}/trpc/projects.create`,
    {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${session.result.data.token}` },
      body: JSON.stringify({ name: 'Example shop', ...project }),
    },
  )
  const { data } = created.result
  return { projectId: data.project.id, publishableKey: data.publishableKey.key, secretKey: data.secretKey.key }
}

export interface CustomerTotals {
  orders: number
  netSpent: string
}

/** `GET /v1/customers/{id}` with the secret key; undefined while the customer has not arrived. */
export async function customer(baseUrl: string, secretKey: string, customerId: string): Promise<{ totals: CustomerTotals; email: string | null } | undefined> {
  const response = await fetch(`${baseUrl}/v1/customers/${encodeURIComponent(customerId)}`, { headers: { authorization: `Bearer ${secretKey}` } })
  if (response.status === 404) return undefined
  if (!response.ok) throw new Error(`customer ${customerId}: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { customer: { totals: CustomerTotals; email: string | null } }).customer
}
