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

export interface QueueStore {
  /** Writes this tab's undelivered events (the newest that fit in the byte cap); `closed` when the page is left. */
  save(entries: readonly Entry[], closed?: boolean): void
  /** True while this tab's stored queue is still its own (not adopted by another tab while it was hidden). */
  owned(): boolean
  /** Claims the queues of closed or dead tabs; `adopt` receives their events (as JSON) once the claim stands. */
  claimOrphans(adopt: (events: string[]) => void): void
}

/**
 * Persists this tab's queue under its own key (`rapport:<tag>:q:<tab>`), so
 * tabs never write each other's events, and adopts the queues of tabs that
 * are gone: a tab writes a claim (`…:c:<tab>`), waits, and takes the queue
 * only if its claim still stands. A race lost anyway costs a duplicate send,
 * which the server's event-id idempotency absorbs.
 */
export function createQueueStore(
  init: { storage: StorageLike; apiKey: string; host: string; maxStorageBytes: number; report: (error: RapportError) => void },
  /** This tab's id. */
  self: string,
): QueueStore {
  const { storage } = init
  const prefix = `rapport:${tag(`${init.apiKey} ${init.host}`)}:`
  const queueKey = (tab: string) => `${prefix}q:${tab}`
  const claimKey = (tab: string) => `${prefix}c:${tab}`

  const read = <T>(key: string): T | undefined => {
    try {
      return JSON.parse(storage.getItem(key) ?? 'null') ?? undefined
    } catch {
      return undefined
    }
  }

  const write = (key: string, value?: string): void => {
    try {
      if (value === undefined) storage.removeItem(key)
      else storage.setItem(key, value)
    } catch (cause) {
      // Quota exceeded or storage disabled: the queue goes on in memory.
      init.report(new RapportError('storage_error', 'Could not persist the queue', { cause }))
    }
  }

  return {
    save(entries, closed = false) {
      // localStorage quotas count UTF-16 units, so `length` is the right measure here.
      let first = entries.length
      let size = 0
      while (first > 0) {
        size += (entries[first - 1]?.json.length ?? 0) + 1
        if (size > init.maxStorageBytes) break
        first--
      }
      const events = entries.slice(first).map((entry) => entry.json)
      write(queueKey(self), entries.length ? `{"at":${Date.now()},"closed":${closed},"events":[${events}]}` : undefined)
    },

    owned: () => read(queueKey(self)) !== undefined,

    claimOrphans(adopt) {
      const { key, length = 0 } = storage
      const now = Date.now()
      const claimed: string[] = []
      // Names first: writing claims while walking `key(i)` would shift the indices.
      const names = Array.from({ length: key ? length : 0 }, (_, i) => key?.call(storage, i) ?? '')
      for (const name of names) {
        const tab = name.startsWith(queueKey('')) ? name.slice(prefix.length + 2) : self
        const queue = tab === self ? undefined : read<StoredQueue>(name)
        const claim = read<{ by: string; at: number }>(claimKey(tab))
        if (!queue || !(queue.closed || now - queue.at > STALE_MS) || (claim && now - claim.at < 10_000)) continue
        write(claimKey(tab), JSON.stringify({ by: self, at: now }))
        claimed.push(tab)
      }
      if (claimed.length === 0) return
      startTimer(() => {
        const events: string[] = []
        for (const tab of claimed) {
          if (read<{ by: string }>(claimKey(tab))?.by !== self) continue
          const queue = read<StoredQueue>(queueKey(tab))
          write(queueKey(tab))
          write(claimKey(tab))
          for (const event of queue?.events ?? []) events.push(JSON.stringify(event))
        }
        if (events.length > 0) adopt(events)
      }, CLAIM_SETTLE_MS)
    },
  }
}
