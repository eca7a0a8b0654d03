/** Rows an order stays open without a new line before it is emitted. */
export const DEFAULT_ORDER_WINDOW = 2_000

interface OpenGroup<Row> {
  rows: Row[]
  lastSeen: number
}

export type WindowPush = 'added' | 'already_emitted'

/**
 * Groups rows into documents by key (invoice, order id) for files whose rows
 * are mostly grouped but not strictly: a key stays open until `size` rows
 * have passed without it, then its rows are handed to `emit`. A key seen
 * again after that is refused (`already_emitted`), since its document has
 * gone; memory is bounded by the keys of the last `size` rows, plus the set
 * of emitted keys.
 */
export class OrderWindow<Row> {
  readonly #size: number
  readonly #emit: (key: string, rows: Row[]) => void
  // Insertion order is recency order: a key is moved to the end when seen.
  readonly #open = new Map<string, OpenGroup<Row>>()
  readonly #emitted = new Set<string>()
  #rowIndex = 0
  #lastKey: string | undefined

  constructor(emit: (key: string, rows: Row[]) => void, size = DEFAULT_ORDER_WINDOW) {
    this.#emit = emit
    this.#size = size
  }

  /** The open group of a key, if any (to compare a new row with its first one). */
  first(key: string): Row | undefined {
    return this.#open.get(key)?.rows[0]
  }

  hasEmitted(key: string): boolean {
    return this.#emitted.has(key)
  }

  push(key: string, row: Row): WindowPush {
    this.#rowIndex += 1
    if (this.#emitted.has(key)) {
      this.#evict()
      return 'already_emitted'
    }
    const group = this.#open.get(key)
    if (!group) this.#open.set(key, { rows: [row], lastSeen: this.#rowIndex })
    else {
      group.rows.push(row)
      group.lastSeen = this.#rowIndex
      if (this.#lastKey !== key) {
        this.#open.delete(key)
        this.#open.set(key, group)
      }
    }
    this.#lastKey = key
    this.#evict()
    return 'added'
  }

  /** Rows that do not belong to any key still count towards closing the open ones. */
  tick(): void {
    this.#rowIndex += 1
    this.#evict()
  }

  /** Emits every open group (end of file). */
  flush(): void {
    for (const key of [...this.#open.keys()]) this.#close(key)
  }

  #evict(): void {
    for (const [key, group] of this.#open) {
      if (this.#rowIndex - group.lastSeen <= this.#size) return
      this.#close(key)
    }
  }

  #close(key: string): void {
    const group = this.#open.get(key)
    if (!group) return
    this.#open.delete(key)
    this.#emitted.add(key)
    if (this.#lastKey === key) this.#lastKey = undefined
    this.#emit(key, group.rows)
  }
}
