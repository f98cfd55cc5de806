import { ObjectId } from 'mongodb';
import type { Database } from '../../db/database.js';
import type { JobLeaseDoc } from '../../db/documents.js';
import type { Logger } from '../../logger.js';
import { ProviderError } from '../providers/types.js';
import { currentTerms, JobLease, LeaseLostError } from './lease.js';
import { backoffMs } from './status.js';
import type { JobSync } from './sync.js';

/**
 * Watches every unfinished job, each by exactly one API instance at a time. Every tick it looks
 * for jobs whose lease is free, expired or its own; takes (a new term) or renews the lease and
 * polls the jobs that are due, or that someone asked to be polled now (jobPollRequests). A failed poll pushes the job's next poll back exponentially, never
 * sooner than the provider's retry-after. When an instance dies its leases expire and another
 * instance's next tick takes them: takeover within one lease period (plus one interval).
 */

export interface WatcherOptions {
  owner: string;
  intervalMs: number;
  leaseMs: number;
  maxBackoffMs: number;
  /** Jobs polled at once by this instance. */
  concurrency: number;
}

export class JobWatcher {
  private stopped = true;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private readonly busy = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Database,
    private readonly sync: JobSync,
    private readonly logger: Logger,
    readonly options: WatcherOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loopDone = this.loop();
  }

  /** Stops polling, waits for polls in flight, and hands this instance's leases back. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.wakeUp?.();
    await this.loopDone;
    await Promise.allSettled([...this.busy.values()]);
    await this.db.jobLeases
      .updateMany({ owner: this.options.owner, until: { $gt: new Date() } }, { $set: { until: new Date(0) } })
      .catch((err: unknown) => this.logger.warn('could not release job leases', { err }));
  }

  /** Polls the job as soon as possible, on whichever instance holds it (webhooks, new jobs, cancels). */
  async refresh(jobId: string): Promise<void> {
    await this.db.jobPollRequests.insertOne({ _id: new ObjectId().toHexString(), jobId, requestedAt: new Date() });
    this.wakeUp?.();
  }

  /** Runs `fn` while this instance's loop leaves the job alone (inline creation holds the lease itself). */
  async hold<T>(jobId: string, fn: () => Promise<T>): Promise<T> {
    const run = fn();
    this.busy.set(jobId, run);
    try {
      return await run;
    } finally {
      if (this.busy.get(jobId) === run) this.busy.delete(jobId);
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.tick();
      } catch (err) {
        this.logger.warn('job watcher tick failed', { err });
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.options.intervalMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wakeUp = done;
      });
      this.wakeUp = null;
    }
  }

  /** One pass: take or renew leases, poll what is due. Exposed for tests. */
  async tick(): Promise<void> {
    const { owner, leaseMs, concurrency } = this.options;
    const jobs = await this.db.jobs
      .find({ finalized: false }, { projection: { _id: 1, nextPollAt: 1 } })
      .sort({ nextPollAt: 1 })
      .limit(500)
      .toArray();
    if (jobs.length === 0) return;
    const ids = jobs.map((j) => j._id);
    const [terms, requests] = await Promise.all([
      currentTerms(this.db, ids),
      this.db.jobPollRequests.find({ jobId: { $in: ids } }).toArray(),
    ]);
    const requested = new Map<string, string[]>();
    for (const r of requests) requested.set(r.jobId, [...(requested.get(r.jobId) ?? []), r._id]);
    const now = Date.now();
    for (const job of jobs) {
      if (this.stopped || this.busy.size >= concurrency) break;
      if (this.busy.has(job._id)) continue;
      const term = terms.get(job._id) ?? null;
      const live = term !== null && term.until.getTime() > now;
      if (live && term.owner !== owner) continue; // another instance watches it
      const due = job.nextPollAt.getTime() <= now || requested.has(job._id);
      if (live && !due && term.until.getTime() - now > leaseMs / 2) continue;
      const run = this.run(job._id, term, due, requested.get(job._id) ?? []).finally(() => this.busy.delete(job._id));
      this.busy.set(job._id, run);
    }
  }

  private async run(jobId: string, term: JobLeaseDoc | null, due: boolean, requestIds: string[]): Promise<void> {
    const { owner, leaseMs, intervalMs, maxBackoffMs } = this.options;
    const lease = await JobLease.acquire(this.db, jobId, owner, leaseMs, term).catch((err: unknown) => {
      this.logger.warn('could not take a job lease', { jobId, err });
      return null;
    });
    if (!lease || !due) return;
    if (requestIds.length) await this.db.jobPollRequests.deleteMany({ _id: { $in: requestIds } });
    const doc = await this.db.jobs.findOne({ _id: jobId });
    if (!doc || doc.finalized) return;
    try {
      await this.sync.poll(lease, doc);
    } catch (err) {
      if (err instanceof LeaseLostError) {
        this.logger.info('job lease lost to another instance', { jobId });
        return;
      }
      const failures = doc.pollFailures + 1;
      const retryAfter = err instanceof ProviderError ? err.retryAfterMs : null;
      const delay = backoffMs(failures - 1, retryAfter, intervalMs, maxBackoffMs);
      (err instanceof ProviderError ? this.logger.info : this.logger.warn)('job poll failed; backing off', {
        jobId,
        failures,
        delayMs: delay,
        err,
      });
      await lease.update({ $set: { nextPollAt: new Date(Date.now() + delay), pollFailures: failures } }).catch(() => undefined);
    }
  }
}
