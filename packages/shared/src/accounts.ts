import { z } from 'zod'
import { currencyCode, text } from './events/primitives.js'

export const registerInputSchema = z.strictObject({
  name: text(128, 1),
  email: z.email({ message: 'Must be an email address' }).max(320),
  password: z.string().min(8, { message: 'At least 8 characters' }).max(256),
})
export type RegisterInput = z.input<typeof registerInputSchema>

export const loginInputSchema = z.strictObject({
  email: z.string().max(320),
  password: z.string().max(256),
})
export type LoginInput = z.input<typeof loginInputSchema>

export const accountSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
})
export type Account = z.output<typeof accountSchema>

/** What register and login answer; the token is also set as an HttpOnly cookie. */
export const sessionResultSchema = z.object({
  account: accountSchema,
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
})
export type SessionResult = z.output<typeof sessionResultSchema>

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** An IANA time zone such as `Europe/London`. */
export const timeZoneSchema = z.string().max(64).refine(isTimeZone, { message: 'Must be an IANA time zone such as Europe/London' })

export const projectCreateInputSchema = z.strictObject({
  name: text(128, 1),
  /** Reporting currency: revenue figures are in it. */
  currency: currencyCode.default('USD'),
  /** Reports cut days, weeks and months in this zone. */
  timezone: timeZoneSchema.default('UTC'),
})
export type ProjectCreateInput = z.input<typeof projectCreateInputSchema>

export const projectSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  currency: z.string(),
  timezone: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
})
export type Project = z.output<typeof projectSchema>

export const apiKeyKindSchema = z.enum(['publishable', 'secret'])
export type ApiKeyKind = z.output<typeof apiKeyKindSchema>

export const apiKeySchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  kind: apiKeyKindSchema,
  name: z.string(),
  /** The first characters of the key, to recognise it (`rk_sec_4f9a…`). */
  prefix: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
})
export type ApiKey = z.output<typeof apiKeySchema>

/** A key as created: the only time its full text is shown. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() })
export type CreatedApiKey = z.output<typeof createdApiKeySchema>

export const projectCreatedSchema = z.object({
  project: projectSchema,
  publishableKey: createdApiKeySchema,
  secretKey: createdApiKeySchema,
})
export type ProjectCreated = z.output<typeof projectCreatedSchema>

export const projectIdInputSchema = z.strictObject({ projectId: z.uuid() })

export const apiKeyCreateInputSchema = z.strictObject({
  projectId: z.uuid(),
  kind: apiKeyKindSchema,
  name: text(128, 1).default('default'),
})

export const apiKeyRevokeInputSchema = z.strictObject({ projectId: z.uuid(), keyId: z.uuid() })
