import type { Issue } from '../errors.js'
import { LIMITS } from './limits.js'
import { utf8Length } from './utf8-length.js'

// NUL and lone UTF-16 surrogates cannot be stored unchanged (same rule as the server).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Collects issues; `path` is joined with dots like the server's. */
export class Issues {
  readonly list: Issue[] = []

  add(path: ReadonlyArray<string | number>, message: string): void {
    this.list.push({ path: path.join('.'), message })
  }

  /** A string of `min`–`max` characters that survives storage; `undefined` passes when `optional`. */
  text(value: unknown, path: string, max: number, min = 0, optional = true): void {
    if (value === undefined && optional) return
    if (typeof value !== 'string') return this.add([path], 'Must be a string')
    if (value.length < min || value.length > max) return this.add([path], `Must be ${min}–${max} characters`)
    if (UNSTORABLE.test(value)) this.add([path], 'Contains a NUL character or an unpaired UTF-16 surrogate')
  }

  /** Keys not in `allowed` (the server's objects are strict). */
  known(value: object, allowed: readonly string[], prefix: ReadonlyArray<string | number> = []): void {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.add([...prefix, key], 'Unknown field')
  }

  /** Traits (`flat`) or properties: bounded keys, depth, strings and size, without recursion. */
  json(root: unknown, name: string, flat: boolean): void {
    if (root === undefined) return
    if (!isPlainObject(root)) return this.add([name], 'Must be an object')
    if (Object.keys(root).length > LIMITS.traitKeys) return this.add([name], `At most ${LIMITS.traitKeys} keys`)
    const stack: Array<[unknown, Array<string | number>]> = [[root, [name]]]
    for (let item = stack.pop(); item; item = stack.pop()) {
      const [value, path] = item
      const depth = path.length - 1
      if (depth > LIMITS.propertiesDepth) return this.add(path, `Nested deeper than ${LIMITS.propertiesDepth} levels`)
      if (value === null || typeof value === 'boolean') continue
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) return this.add(path, 'Numbers must be finite')
        continue
      }
      if (typeof value === 'string') {
        if (value.length > LIMITS.stringValueLength) return this.add(path, `Strings are at most ${LIMITS.stringValueLength} characters`)
        if (UNSTORABLE.test(value)) return this.add(path, 'Contains a NUL character or an unpaired UTF-16 surrogate')
        continue
      }
      if (typeof value !== 'object' || (flat && depth > 0)) {
        return this.add(path, flat ? 'Trait values must be a string, number, boolean or null' : 'Not a JSON value')
      }
      if (Array.isArray(value)) {
        value.forEach((child, index) => {
          stack.push([child, [...path, index]])
        })
        continue
      }
      for (const [key, child] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(key)) return this.add([...path, key], `The key "${key}" is not allowed`)
        if (key.length === 0 || key.length > LIMITS.keyLength || UNSTORABLE.test(key)) {
          return this.add([...path, key], `Keys are 1–${LIMITS.keyLength} storable characters`)
        }
        stack.push([child, [...path, key]])
      }
    }
    if (utf8Length(JSON.stringify(root)) > LIMITS.objectBytes) this.add([name], `At most ${LIMITS.objectBytes} bytes as JSON`)
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
