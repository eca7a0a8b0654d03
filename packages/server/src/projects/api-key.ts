import { createHash, randomBytes } from 'node:crypto'
import type { ApiKeyKind } from '@rapport/shared'

const KIND_TAG: Record<ApiKeyKind, string> = { publishable: 'pub', secret: 'sec' }
const SECRET_LENGTH = 32
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const KEY_PATTERN = /^rk_(pub|sec)_([0-9A-Za-z]{32})([0-9a-f]{32})$/

function randomBase62(length: number): string {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 * 62: dropping larger bytes keeps every character equally likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62]
    }
  }
  return out
}

export interface GeneratedKey {
  key: string
  prefix: string
  hash: string
}

/**
 * `rk_sec_<32 random base62><project id as 32 hex>`: ~190 bits of secret, and
 * the project id inside lets authentication find the key within its project.
 */
export function generateApiKey(kind: ApiKeyKind, projectId: string): GeneratedKey {
  const key = `rk_${KIND_TAG[kind]}_${randomBase62(SECRET_LENGTH)}${projectId.replaceAll('-', '')}`
  return { key, prefix: `${key.slice(0, 14)}…`, hash: hashApiKey(key) }
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

export interface ParsedKey {
  kind: ApiKeyKind
  projectId: string
  hash: string
}

/** Reads a key's kind and project; `null` when it is not shaped like one of ours. */
export function parseApiKey(key: string): ParsedKey | null {
  const match = KEY_PATTERN.exec(key)
  if (!match) return null
  const hex = match[3] ?? ''
  const projectId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  return { kind: match[1] === 'pub' ? 'publishable' : 'secret', projectId, hash: hashApiKey(key) }
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('rk_')
}
