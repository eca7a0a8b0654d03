import { type BatchResult, batchEnvelopeSchema, type EventType, type IngestResult, type RejectedEvent } from '@rapport/shared'
import type { ServerDeps } from '../deps.js'
import { AppError } from '../errors.js'
import type { ProjectRow } from '../projects/project.repository.js'
import { storeEvents } from './ingest.service.js'
import type { NormalizedEvent } from './normalized-event.js'
import { validateBatchEntry, validateEvent } from './validate-event.js'

/** What ingestion uses of the server: the database, and the refresher told about new events. */
export type IngestDeps = Pick<ServerDeps, 'db' | 'backgroundRefresh'>

/** One event sent on its own: a 400 with the field path if it is invalid. */
export async function ingestOne(deps: IngestDeps, project: ProjectRow, type: EventType, raw: unknown): Promise<IngestResult> {
  const validated = validateEvent(type, raw, new Date())
  if (!validated.ok) throw new AppError('validation_error', `The ${type} event is not valid`, { issues: validated.issues })
  const [outcome] = await storeEvents(deps.db, project, [validated.event])
  if (!outcome || 'failed' in outcome) {
    throw new AppError('validation_error', outcome?.failed ?? 'The event was not stored')
  }
  if (outcome.status === 'accepted') deps.backgroundRefresh.ingested(project.id)
  return outcome
}

/** Events validated between two turns of the event loop (about a millisecond of work). */
const VALIDATION_SLICE = 50

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * A batch: the envelope must be valid (else 400), then each event stands on its
 * own — valid ones are stored, invalid ones come back by index with their reason.
 */
export async function ingestBatch(deps: IngestDeps, project: ProjectRow, body: unknown): Promise<BatchResult> {
  const envelope = batchEnvelopeSchema.safeParse(body)
  if (!envelope.success) throw AppError.fromZod(envelope.error)
  const receivedAt = new Date()
  const rejected: RejectedEvent[] = []
  const valid: Array<{ index: number; event: NormalizedEvent }> = []
  const events = envelope.data.events
  for (let index = 0; index < events.length; index++) {
    // Let the event loop run between slices: other batches' transactions then get
    // their replies handled (and their locks released) without waiting for this whole batch.
    if (index > 0 && index % VALIDATION_SLICE === 0) await yieldToEventLoop()
    const validated = validateBatchEntry(events[index], receivedAt, index)
    if (validated.ok) valid.push({ index, event: validated.event })
    else rejected.push({ index, code: 'validation_error', message: 'The event is not valid', issues: validated.issues })
  }
  const outcomes = await storeEvents(
    deps.db,
    project,
    valid.map((entry) => entry.event),
  )
  const results: BatchResult['results'] = []
  valid.forEach(({ index }, position) => {
    const outcome = outcomes[position]
    // storeEvents answers once per event, in order; anything else is a bug, not bad input.
    if (!outcome) throw new Error(`storeEvents returned no outcome for event ${index}`)
    if ('failed' in outcome) rejected.push({ index, code: 'validation_error', message: outcome.failed, issues: [] })
    else results.push({ index, eventId: outcome.eventId, status: outcome.status })
  })
  rejected.sort((a, b) => a.index - b.index)
  const accepted = results.filter((result) => result.status === 'accepted').length
  if (accepted > 0) deps.backgroundRefresh.ingested(project.id)
  return {
    accepted,
    duplicates: results.filter((result) => result.status === 'duplicate').length,
    results,
    rejected,
  }
}
