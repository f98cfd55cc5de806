import type { Collection, Filter, UpdateFilter } from 'mongodb';
import type { FineTuningJobDoc } from '../../db/documents.js';

/**
 * The watcher lease of one job (MONGODB.md): an owner, an expiry and a fencing counter on the
 * job document. Taking or renewing the lease increments the fence; every write of the holder
 * is conditional on owner and fence, so a holder that lost its lease (paused, partitioned,
 * presumed dead) cannot overwrite what its successor wrote. Single-document updates only.
 */

export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
  constructor(readonly jobId: string) {
    super(`lost the watcher lease of job ${jobId}`);
  }
}

export class JobLease {
  constructor(
    private readonly jobs: Collection<FineTuningJobDoc>,
    readonly jobId: string,
    readonly owner: string,
    public fence: number,
    private readonly ttlMs: number,
  ) {}

  /** Takes the lease when it is free, expired or already ours; null when someone else holds it. */
  static async acquire(
    jobs: Collection<FineTuningJobDoc>,
    jobId: string,
    owner: string,
    ttlMs: number,
  ): Promise<{ lease: JobLease; doc: FineTuningJobDoc } | null> {
    const now = new Date();
    const doc = await jobs.findOneAndUpdate(
      { _id: jobId, finalized: false, $or: [{ leaseUntil: { $lt: now } }, { leaseOwner: owner }] },
      { $set: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + ttlMs) }, $inc: { fence: 1 } },
      { returnDocument: 'after' },
    );
    return doc ? { lease: new JobLease(jobs, jobId, owner, doc.fence, ttlMs), doc } : null;
  }

  private held(): Filter<FineTuningJobDoc> {
    return { _id: this.jobId, leaseOwner: this.owner, fence: this.fence };
  }

  /** Extends the lease (new fence); throws LeaseLostError when it is no longer ours. */
  async renew(): Promise<FineTuningJobDoc> {
    const doc = await this.jobs.findOneAndUpdate(
      this.held(),
      { $set: { leaseUntil: new Date(Date.now() + this.ttlMs) }, $inc: { fence: 1 } },
      { returnDocument: 'after' },
    );
    if (!doc) throw new LeaseLostError(this.jobId);
    this.fence = doc.fence;
    return doc;
  }

  /** A fenced write; false when `extra` did not match although the lease is still ours. */
  async update(update: UpdateFilter<FineTuningJobDoc>, extra: Filter<FineTuningJobDoc> = {}): Promise<boolean> {
    const result = await this.jobs.updateOne({ ...extra, ...this.held() } as Filter<FineTuningJobDoc>, update);
    if (result.matchedCount === 1) return true;
    if (Object.keys(extra).length === 0) throw new LeaseLostError(this.jobId);
    const still = await this.jobs.countDocuments(this.held(), { limit: 1 });
    if (still === 0) throw new LeaseLostError(this.jobId);
    return false;
  }

  /** Lets another instance take over at once (at shutdown, or when the job needs no more watching). */
  async release(): Promise<void> {
    await this.jobs.updateOne(this.held(), { $set: { leaseOwner: null, leaseUntil: new Date(0) } });
  }
}
