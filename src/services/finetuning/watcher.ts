import type { Database } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import { ProviderError } from '../providers/types.js';
import { JobLease, LeaseLostError } from './lease.js';
import { backoffMs } from './status.js';
import type { JobSync } from './sync.js';

/**
 * Watches every unfinished job, each by exactly one API instance at a time. Every tick it looks
 * for jobs whose lease is free, expired or its own; takes or renews the lease (fence + 1) and
 * polls the jobs that are due. A failed poll pushes the job's next poll back exponentially, never
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
    await this.db.jobs
      .updateMany({ leaseOwner: this.options.owner, finalized: false }, { $set: { leaseOwner: null, leaseUntil: new Date(0) } })
      .catch((err: unknown) => this.logger.warn('could not release job leases', { err }));
  }

  /** Polls the job as soon as possible, on whichever instance holds it (webhooks, new jobs, cancels). */
  async refresh(jobId: string): Promise<void> {
    await this.db.jobs.updateOne({ _id: jobId, finalized: false }, { $set: { nextPollAt: new Date(0) } });
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
    const now = new Date();
    const candidates = await this.db.jobs
      .find(
        { finalized: false, $or: [{ leaseUntil: { $lt: now } }, { leaseOwner: owner }] },
        { projection: { _id: 1, nextPollAt: 1, leaseOwner: 1, leaseUntil: 1 } },
      )
      .sort({ nextPollAt: 1 })
      .limit(500)
      .toArray();
    for (const c of candidates) {
      if (this.stopped || this.busy.size >= concurrency) break;
      if (this.busy.has(c._id)) continue;
      const mine = c.leaseOwner === owner && c.leaseUntil > now;
      const due = c.nextPollAt <= now;
      if (mine && !due && c.leaseUntil.getTime() - now.getTime() > leaseMs / 2) continue;
      const run = this.run(c._id).finally(() => this.busy.delete(c._id));
      this.busy.set(c._id, run);
    }
  }

  private async run(jobId: string): Promise<void> {
    const { owner, leaseMs, intervalMs, maxBackoffMs } = this.options;
    const got = await JobLease.acquire(this.db.jobs, jobId, owner, leaseMs).catch((err: unknown) => {
      this.logger.warn('could not take a job lease', { jobId, err });
      return null;
    });
    if (!got || got.doc.nextPollAt > new Date()) return;
    try {
      await this.sync.poll(got.lease, got.doc);
    } catch (err) {
      if (err instanceof LeaseLostError) {
        this.logger.info('job lease lost to another instance', { jobId });
        return;
      }
      const failures = got.doc.pollFailures + 1;
      const retryAfter = err instanceof ProviderError ? err.retryAfterMs : null;
      const delay = backoffMs(failures - 1, retryAfter, intervalMs, maxBackoffMs);
      (err instanceof ProviderError ? this.logger.info : this.logger.warn)('job poll failed; backing off', {
        jobId,
        failures,
        delayMs: delay,
        err,
      });
      await got.lease
        .update({ $set: { nextPollAt: new Date(Date.now() + delay), pollFailures: failures } })
        .catch(() => undefined);
    }
  }
}
