import type { StorageLike } from '../options.js'

/** An in-memory `localStorage` (with `key` and `length`, like the real one). */
export class FakeStorage implements StorageLike {
  readonly map = new Map<string, string>()

  get length(): number {
    return this.map.size
  }

  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null
  }

  getItem(key: string): string | null {
    return this.map.get(key) ?? null
  }

  setItem(key: string, value: string): void {
    this.map.set(key, value)
  }

  removeItem(key: string): void {
    this.map.delete(key)
  }

  /** Every event id persisted under any key. */
  storedEventIds(): string[] {
    return [...this.map.entries()]
      .filter(([key]) => key.includes(':q:'))
      .flatMap(([, value]) => (JSON.parse(value) as { events: Array<{ eventId: string }> }).events.map((event) => event.eventId))
  }
}
