import {
  type BatchInput,
  batchResultSchema,
  identifyEventSchema,
  ingestResultSchema,
  purchaseEventSchema,
  trackEventSchema,
} from '@rapport/shared'
import { ingestProcedure, router } from '../trpc.js'
import { ingestBatch, ingestOne } from './ingest.api.js'

/**
 * The batch is validated event by event inside `ingestBatch` (so one bad event
 * does not sink the rest); the parser here only passes the body through, typed
 * as the contract for clients.
 */
const batchInput = (raw: unknown): BatchInput => raw as BatchInput

export const ingestRouter = router({
  /** A customer signed up or changed their profile. */
  identify: ingestProcedure
    .input(identifyEventSchema)
    .output(ingestResultSchema)
    .mutation(({ ctx, input }) => ingestOne(ctx.deps.db, ctx.project, 'identify', input)),

  /** An order, or a change to one (e.g. refunded). */
  purchase: ingestProcedure
    .input(purchaseEventSchema)
    .output(ingestResultSchema)
    .mutation(({ ctx, input }) => ingestOne(ctx.deps.db, ctx.project, 'purchase', input)),

  track: ingestProcedure
    .input(trackEventSchema)
    .output(ingestResultSchema)
    .mutation(({ ctx, input }) => ingestOne(ctx.deps.db, ctx.project, 'track', input)),

  /** Up to 500 events and 512 KB; each event is accepted or rejected on its own. */
  batch: ingestProcedure
    .input(batchInput)
    .output(batchResultSchema)
    .mutation(({ ctx, input }) => ingestBatch(ctx.deps.db, ctx.project, input)),
})
