import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { storeEvents } from '../ingest/ingest.service.js'
import type { NormalizedEvent } from '../ingest/normalized-event.js'
import type { ProjectRow } from '../projects/project.repository.js'
import type { DocumentKind } from './import-format.js'
import type { ImportTally } from './import-summary.js'

/** Validated events of one transaction, with what each stands for and where it came from. */
export interface EventChunk {
  events: NormalizedEvent[]
  kinds: DocumentKind[]
  lines: Array<readonly number[]>
  /** Order lines in the chunk (what the database work grows with). */
  weight: number
}

export function emptyChunk(): EventChunk {
  return { events: [], kinds: [], lines: [], weight: 0 }
}

/**
 * Stores chunks, one transaction each, while the next chunk is parsed:
 * `submit` returns as soon as fewer than `writers` chunks are being written.
 * With one writer (PGlite: one connection) that is one chunk of lookahead;
 * on PostgreSQL two writers keep both cores busy while this thread parses.
 * At most `writers + 1` chunks are held, whatever the size of the file.
 */
export class ChunkWriter {
  readonly #db: Kysely<Database>
  readonly #project: ProjectRow
  readonly #tally: ImportTally
  readonly #onStored: () => void
  readonly #writers: number
  readonly #inFlight = new Set<Promise<void>>()
  #failure: { error: unknown } | undefined

  constructor(db: Kysely<Database>, project: ProjectRow, tally: ImportTally, options: { writers: number; onStored: () => void }) {
    this.#db = db
    this.#project = project
    this.#tally = tally
    this.#onStored = options.onStored
    this.#writers = Math.max(1, options.writers)
  }

  async submit(chunk: EventChunk): Promise<void> {
    while (this.#inFlight.size >= this.#writers) await Promise.race(this.#inFlight)
    this.#throwIfFailed()
    if (chunk.events.length === 0) return
    const write: Promise<void> = this.#store(chunk).then(
      () => {
        this.#inFlight.delete(write)
      },
      (error: unknown) => {
        this.#inFlight.delete(write)
        this.#failure ??= { error }
      },
    )
    this.#inFlight.add(write)
  }

  /** Waits for every write; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.#inFlight)
    this.#throwIfFailed()
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure.error
  }

  async #store(chunk: EventChunk): Promise<void> {
    const outcomes = await storeEvents(this.#db, this.#project, chunk.events)
    outcomes.forEach((outcome, index) => {
      const kind = chunk.kinds[index] ?? 'order'
      if ('failed' in outcome) for (const line of chunk.lines[index] ?? []) this.#tally.reject(line, outcome.failed)
      else this.#tally.stored(kind, outcome.status)
    })
    this.#onStored()
  }
}
