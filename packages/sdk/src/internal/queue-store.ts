import { RapportError } from '../errors.js'
import type { Entry } from './pipeline.js'
import { startTimer } from './timers.js'

/**
 * The subset of `localStorage` the SDK uses. With `key` and `length` (as
 * `localStorage` has), queues left by closed tabs are found and sent; without
 * them each client only ever reads its own queue.
 */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
  key?(index: number): string | null
  readonly length?: number
}

/** A tab's stored queue. `closed`: the tab was unloaded; `at`: last write, to spot tabs that died. */
interface StoredQueue {
  at: number
  closed: boolean
  events: unknown[]
}

/** A queue untouched this long belongs to a tab that crashed or was killed without `pagehide`. */
export const STALE_MS = 15 * 60_000
/** How long a claim must stand unchallenged before the claimer takes the queue. */
export const CLAIM_SETTLE_MS = 50

/** FNV-1a: a short, stable tag of the key and host, so projects never mix queues (the key itself is not stored). */
function tag(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(36)
}

/**
 * Persists this tab's queue under its own key (`rapport:<tag>:q:<tab>`), so
 * tabs never write each other's events, and adopts the queues of tabs that
 * are gone: a tab writes a claim (`…:c:<tab>`), waits, and takes the queue
 * only if its claim still stands. A race lost anyway costs a duplicate send,
 * which the server's event-id idempotency absorbs.
 */
export class QueueStore {
  readonly #storage: StorageLike
  readonly #prefix: string
  readonly #tab: string
  readonly #maxBytes: number
  readonly #report: (error: RapportError) => void

  constructor(init: { storage: StorageLike; apiKey: string; host: string; tab: string; maxBytes: number; report: (error: RapportError) => void }) {
    this.#storage = init.storage
    this.#prefix = `rapport:${tag(`${init.apiKey} ${init.host}`)}:`
    this.#tab = init.tab
    this.#maxBytes = init.maxBytes
    this.#report = init.report
  }

  #read<T>(key: string): T | undefined {
    try {
      return JSON.parse(this.#storage.getItem(key) ?? 'null') ?? undefined
    } catch {
      return undefined
    }
  }

  #write(key: string, value?: string): void {
    try {
      if (value === undefined) this.#storage.removeItem(key)
      else this.#storage.setItem(key, value)
    } catch (cause) {
      // Quota exceeded or storage disabled: the queue goes on in memory.
      this.#report(new RapportError('storage_error', 'Could not persist the queue', { cause }))
    }
  }

  /** Writes this tab's undelivered events (the newest that fit in the byte cap); `closed` when the page is left. */
  save(entries: readonly Entry[], closed = false): void {
    // localStorage quotas count UTF-16 units, so `length` is the right measure here.
    let first = entries.length
    let size = 0
    while (first > 0) {
      size += (entries[first - 1]?.json.length ?? 0) + 1
      if (size > this.#maxBytes) break
      first--
    }
    const events = entries.slice(first).map((entry) => entry.json)
    this.#write(`${this.#prefix}q:${this.#tab}`, entries.length ? `{"at":${Date.now()},"closed":${closed},"events":[${events}]}` : undefined)
  }

  /** True while this tab's stored queue is still its own (not adopted by another tab while it was hidden). */
  owned(): boolean {
    return this.#read(`${this.#prefix}q:${this.#tab}`) !== undefined
  }

  /** Claims the queues of closed or dead tabs; `adopt` receives their events (as JSON) once the claim stands. */
  claimOrphans(adopt: (events: string[]) => void): void {
    const { key, length = 0 } = this.#storage
    const now = Date.now()
    const claimed: string[] = []
    // Names first: writing claims while walking `key(i)` would shift the indices.
    const names = Array.from({ length: key ? length : 0 }, (_, i) => key?.call(this.#storage, i) ?? '')
    for (const name of names) {
      const tab = name.startsWith(`${this.#prefix}q:`) ? name.slice(this.#prefix.length + 2) : this.#tab
      const queue = tab === this.#tab ? undefined : this.#read<StoredQueue>(name)
      const claim = this.#read<{ by: string; at: number }>(`${this.#prefix}c:${tab}`)
      if (!queue || !(queue.closed || now - queue.at > STALE_MS) || (claim && now - claim.at < 10_000)) continue
      this.#write(`${this.#prefix}c:${tab}`, JSON.stringify({ by: this.#tab, at: now }))
      claimed.push(tab)
    }
    if (claimed.length === 0) return
    startTimer(() => {
      const events: string[] = []
      for (const tab of claimed) {
        if (this.#read<{ by: string }>(`${this.#prefix}c:${tab}`)?.by !== this.#tab) continue
        const queue = this.#read<StoredQueue>(`${this.#prefix}q:${tab}`)
        this.#write(`${this.#prefix}q:${tab}`)
        this.#write(`${this.#prefix}c:${tab}`)
        for (const event of queue?.events ?? []) events.push(JSON.stringify(event))
      }
      if (events.length > 0) adopt(events)
    }, CLAIM_SETTLE_MS)
  }
}
