import type { ProjectCreated, SessionResult } from '@rapport/shared'

export interface HttpResult<T = unknown> {
  status: number
  headers: Headers
  body: T
}

/** A plain HTTP call: what any client in any language would send. */
export async function http<T = unknown>(
  url: string,
  options: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined
  if (options.rawBody !== undefined) body = options.rawBody
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  const init: RequestInit = { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers }
  if (body !== undefined) init.body = body
  const response = await fetch(url, init)
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // Non-JSON answers (HTML) are returned as text.
  }
  return { status: response.status, headers: response.headers, body: parsed as T }
}

/** Calls a tRPC procedure over HTTP; returns `result.data` or the error envelope. */
export async function trpc<T = unknown>(
  baseUrl: string,
  path: string,
  input: unknown,
  options: { token?: string; query?: boolean; headers?: Record<string, string> } = {},
): Promise<HttpResult<{ result?: { data: T }; error?: { message: string; data: { appCode: string; httpStatus: number; issues: Array<{ path: string; message: string }> } } }>> {
  const url = `${baseUrl}/trpc/${path}`
  if (options.query) {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`
    return http(url + query, { ...options })
  }
  return http(url, { ...options, body: input ?? {} })
}

let counter = 0

/** Registers a fresh account and creates a project; returns its keys and the session token. */
export async function createTenant(
  baseUrl: string,
  project: { currency?: string; timezone?: string } = {},
): Promise<{ token: string; projectId: string; publishableKey: string; secretKey: string; email: string }> {
  counter += 1
  const email = `owner-${counter}-${Math.random().toString(36).slice(2)}@example.com`
  const registered = await trpc<SessionResult>(baseUrl, 'auth.register', { name: 'Owner', email, password: 'correct horse battery' })
  const token = registered.body.result?.data.token
  if (!token) throw new Error(`register failed: ${JSON.stringify(registered.body)}`)
  const created = await trpc<ProjectCreated>(
    baseUrl,
    'projects.create',
    { name: 'Shop', currency: project.currency ?? 'GBP', timezone: project.timezone ?? 'Europe/London' },
    { token },
  )
  const data = created.body.result?.data
  if (!data) throw new Error(`project create failed: ${JSON.stringify(created.body)}`)
  return { token, email, projectId: data.project.id, publishableKey: data.publishableKey.key, secretKey: data.secretKey.key }
}
