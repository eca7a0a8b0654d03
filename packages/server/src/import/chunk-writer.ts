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
 * Stores chunks one transaction at a time with one chunk of lookahead:
 * `submit` returns as soon as the previous chunk is stored, so the next one
 * is parsed and validated while this one is written. At most two chunks
 * are held, whatever the size of the file.
 */
export class ChunkWriter {
  readonly #db: Kysely<Database>
  readonly #project: ProjectRow
  readonly #tally: ImportTally
  readonly #onStored: () => void
  #inFlight: Promise<void> = Promise.resolve()

  constructor(db: Kysely<Database>, project: ProjectRow, tally: ImportTally, onStored: () => void) {
    this.#db = db
    this.#project = project
    this.#tally = tally
    this.#onStored = onStored
  }

  async submit(chunk: EventChunk): Promise<void> {
    await this.#inFlight
    if (chunk.events.length === 0) return
    this.#inFlight = this.#store(chunk)
    // Awaited by the next submit or drain; marked handled so a failure is not reported twice.
    this.#inFlight.catch(() => {})
  }

  drain(): Promise<void> {
    return this.#inFlight
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
