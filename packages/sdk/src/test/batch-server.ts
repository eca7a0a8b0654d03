import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'

export const HOST = 'http://rapport.test'

export interface ReceivedBatch {
  events: Array<Record<string, unknown> & { eventId: string; type: string }>
  headers: Headers
  keepalive: boolean
  bytes: number
}

type Answer = (batch: ReceivedBatch, attempt: number) => Response | undefined | Promise<Response | undefined>

/**
 * A mock Rapport server (msw) for `POST /v1/batch`: records every request and
 * answers `accepted` unless `answer` returns another response.
 */
export function mockBatchServer() {
  const received: ReceivedBatch[] = []
  let answer: Answer = () => undefined
  const server = setupServer(
    http.post(`${HOST}/v1/batch`, async ({ request }) => {
      const text = await request.text()
      const body = JSON.parse(text) as { events: ReceivedBatch['events'] }
      const batch: ReceivedBatch = { events: body.events, headers: request.headers, keepalive: request.keepalive, bytes: new TextEncoder().encode(text).length }
      received.push(batch)
      const custom = await answer(batch, received.length - 1)
      if (custom) return custom
      return HttpResponse.json({
        accepted: body.events.length,
        duplicates: 0,
        results: body.events.map((event, index) => ({ index, eventId: event.eventId, status: 'accepted' })),
        rejected: [],
      })
    }),
  )
  return {
    server,
    received,
    answer(next: Answer) {
      answer = next
    },
    /** Event ids in the order the server received them. */
    ids: () => received.flatMap((batch) => batch.events.map((event) => event.eventId)),
    reset() {
      received.length = 0
      answer = () => undefined
    },
  }
}
