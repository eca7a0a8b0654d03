import type { Kysely } from 'kysely'
import { applyCustomerChanges } from '../customers/apply-customer-changes.js'
import type { Database } from '../db/schema.js'
import type { Logger } from '../logger.js'
import { findProject } from '../projects/project.repository.js'
import { refreshAnalytics } from './refresh-analytics.js'

/** When {@link BackgroundRefresh} does its work; 0 turns a part off. */
export interface BackgroundRefreshTiming {
  /** Once a project's ingestion has been quiet this long, its analytics are brought fully up to date. */
  quietMs: number
  /** While ingestion never pauses, its customer changes are still folded in at least this often. */
  maxWaitMs: number
}

interface ProjectTimers {
  quiet?: NodeJS.Timeout
  maxWait?: NodeJS.Timeout
}

type Work = 'refresh' | 'fold'

/**
 * Does after ingestion, off the request path, what the next read would
 * otherwise do first: folding the batches' customer changes into the totals
 * and rebuilding the changed days' rollups. Without it both wait for a read, so
 * a project that only ingests grows `customer_changes` by a row per customer
 * per batch, and the first read after a backfill pays for all of it.
 *
 * A full refresh runs after a quiet spell; during a long backfill only the
 * fold runs (at most every `maxWaitMs`), because rebuilding a year of days
 * costs as much again each time while the batches keep changing them.
 * One piece of work at a time for the whole server, so background work never
 * takes more than one database connection and one core from the requests.
 * Safe beside reads and other servers: the work takes the same locks.
 */
export class BackgroundRefresh {
  private readonly timers = new Map<string, ProjectTimers>()
  private readonly queued = new Map<string, Work>()
  private running: Promise<void> | undefined
  private closed = false

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    private readonly timing: BackgroundRefreshTiming,
  ) {}

  /** Called after a batch stored new events for this project. */
  ingested(projectId: string): void {
    if (this.closed || (this.timing.quietMs === 0 && this.timing.maxWaitMs === 0)) return
    const timers = this.timers.get(projectId) ?? {}
    this.timers.set(projectId, timers)
    if (this.timing.quietMs > 0) {
      clearTimeout(timers.quiet)
      timers.quiet = setTimeout(() => this.due(projectId, 'refresh'), this.timing.quietMs).unref()
    }
    if (this.timing.maxWaitMs > 0 && timers.maxWait === undefined) {
      timers.maxWait = setTimeout(() => this.due(projectId, 'fold'), this.timing.maxWaitMs).unref()
    }
  }

  /** Cancels what is scheduled and waits for the work in progress. */
  async close(): Promise<void> {
    this.closed = true
    for (const timers of this.timers.values()) {
      clearTimeout(timers.quiet)
      clearTimeout(timers.maxWait)
    }
    this.timers.clear()
    this.queued.clear()
    await this.running
  }

  private due(projectId: string, work: Work): void {
    if (this.closed) return
    const timers = this.timers.get(projectId)
    if (work === 'refresh') {
      // The full refresh folds too, so the fold's deadline starts again with the next batch.
      clearTimeout(timers?.maxWait)
      this.timers.delete(projectId)
    } else if (timers) {
      delete timers.maxWait
    }
    if (this.queued.get(projectId) !== 'refresh') this.queued.set(projectId, work)
    this.running ??= this.drain()
  }

  private async drain(): Promise<void> {
    for (let next = this.queued.entries().next(); !next.done && !this.closed; next = this.queued.entries().next()) {
      const [projectId, work] = next.value
      this.queued.delete(projectId)
      const started = performance.now()
      try {
        if (work === 'fold') {
          const customers = await applyCustomerChanges(this.db, projectId)
          this.log.debug({ projectId, customers, ms: Math.round(performance.now() - started) }, 'background fold of customer changes')
        } else {
          // Read again: the project may have been deleted or its time zone changed since the batch.
          const project = await findProject(this.db, projectId)
          if (project) await refreshAnalytics(this.db, project)
          this.log.debug({ projectId, ms: Math.round(performance.now() - started) }, 'background analytics refresh')
        }
      } catch (error) {
        // The next read does the same work, so a failure here loses nothing.
        this.log.warn({ err: error, projectId, work }, 'background analytics refresh failed')
      }
    }
    this.running = undefined
  }
}
