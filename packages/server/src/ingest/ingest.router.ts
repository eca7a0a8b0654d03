import {
  type BatchInput,
  batchResultSchema,
  type IdentifyEventInput,
  ingestResultSchema,
  type PurchaseEventInput,
  type RefundEventInput,
  type TrackEventInput,
} from '@rapport/shared'
import { ingestProcedure, router } from '../trpc.js'
import { ingestBatch, ingestOne } from './ingest.api.js'

/**
 * Events are validated once, inside `ingestOne` / `ingestBatch` (per event, so
 * one bad event does not sink a batch), exactly as for the HTTP routes. These
 * parsers only pass the body through, typed as the contract for clients.
 */
const passThrough =
  <T>() =>
  (raw: unknown): T =>
    raw as T

export const ingestRouter = router({
  /** A customer signed up or changed their profile. */
  identify: ingestProcedure
    .input(passThrough<IdentifyEventInput>())
    .output(ingestResultSchema)
    .mutation(({ ctx, input }) => ingestOne(ctx.deps, ctx.project, 'identify', input)),

  /** An order, or a change to one (e.g. refunded). */
  purchase: ingestProcedure
    .input(passThrough<PurchaseEventInput>())
    .output(ingestResultSchema)
    .mutation(({ ctx, input }) => ingestOne(ctx.deps, ctx.project, 'purchase', input)),

  /** Money given back: a whole or partial refund, returned lines. */
  refund: ingestProcedure
    .input(passThrough<RefundEventInput>())
    .output(ingestResultSchema)
    .mutation(({ ctx, input }) => ingestOne(ctx.deps, ctx.project, 'refund', input)),

  track: ingestProcedure
    .input(passThrough<TrackEventInput>())
    .output(ingestResultSchema)
    .mutation(({ ctx, input }) => ingestOne(ctx.deps, ctx.project, 'track', input)),

  /** Up to 500 events and 512 KB; each event is accepted or rejected on its own. */
  batch: ingestProcedure
    .input(passThrough<BatchInput>())
    .output(batchResultSchema)
    .mutation(({ ctx, input }) => ingestBatch(ctx.deps, ctx.project, input)),
})
