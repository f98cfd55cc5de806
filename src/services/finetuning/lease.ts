import type { Filter, UpdateFilter } from 'mongodb';
import type { Database } from '../../db/database.js';
import { isDuplicateKeyError } from '../../db/database.js';
import type { FineTuningJobDoc, JobLeaseDoc } from '../../db/documents.js';

/**
 * The watcher lease of one job: an owner, an expiry and a fencing counter (the term), as
 * MONGODB.md asks. FerretDB 1.x applies a conditional update (and findOneAndUpdate) as a read
 * followed by a write, not atomically: two instances racing for an expired lease with a
 * compare-and-set would both win (seen in a test: 3 of 3 concurrent grabs succeeded, every time).
 * An insert under a unique `_id` is atomic there too, so a new term is taken by inserting the
 * document `<jobId>:<term + 1>`: exactly one instance gets it. Afterwards only the owner writes its
 * term (renewals), and the job document is written only by the current holder, each write
 * stamped with its term; a holder that finds a newer term has lost the lease and stops.
 */

export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
  constructor(readonly jobId: string) {
    super(`lost the watcher lease of job ${jobId}`);
  }
}

const termId = (jobId: string, term: number) => `${jobId}:${term}`;

/** The newest term of each job, by one query. */
export async function currentTerms(db: Database, jobIds: readonly string[]): Promise<Map<string, JobLeaseDoc>> {
  const latest = new Map<string, JobLeaseDoc>();
  if (jobIds.length === 0) return latest;
  const docs = await db.jobLeases.find({ jobId: { $in: [...jobIds] } }).sort({ jobId: 1, term: -1 }).toArray();
  for (const d of docs) if (!latest.has(d.jobId)) latest.set(d.jobId, d);
  return latest;
}

export class JobLease {
  private constructor(
    private readonly db: Database,
    readonly jobId: string,
    readonly owner: string,
    /** The fence: every write of this holder carries it. */
    readonly term: number,
    private readonly ttlMs: number,
  ) {}

  /**
   * Takes the lease: renews our own unexpired term, or inserts the next term when the current one
   * is expired or released (or there is none). Null when someone else holds it or won the race.
   */
  static async acquire(db: Database, jobId: string, owner: string, ttlMs: number, latest?: JobLeaseDoc | null): Promise<JobLease | null> {
    const current = latest === undefined ? (await currentTerms(db, [jobId])).get(jobId) : latest;
    const now = Date.now();
    if (current && current.until.getTime() > now) {
      if (current.owner !== owner) return null;
      const lease = new JobLease(db, jobId, owner, current.term, ttlMs);
      await lease.renew();
      return lease;
    }
    return JobLease.claim(db, jobId, owner, ttlMs, (current?.term ?? 0) + 1);
  }

  /** Inserts term `term`; null when another instance inserted it first. */
  static async claim(db: Database, jobId: string, owner: string, ttlMs: number, term = 1): Promise<JobLease | null> {
    try {
      await db.jobLeases.insertOne({ _id: termId(jobId, term), jobId, term, owner, until: new Date(Date.now() + ttlMs) });
    } catch (err) {
      if (isDuplicateKeyError(err)) return null;
      throw err;
    }
    // Terms before the previous one are history nobody reads.
    if (term > 2) await db.jobLeases.deleteMany({ jobId, term: { $lt: term - 1 } });
    return new JobLease(db, jobId, owner, term, ttlMs);
  }

  /** Throws LeaseLostError when a newer term exists (ours expired and was taken over). */
  async check(): Promise<void> {
    const newer = await this.db.jobLeases.countDocuments({ jobId: this.jobId, term: { $gt: this.term } }, { limit: 1 });
    if (newer > 0) throw new LeaseLostError(this.jobId);
  }

  /** Extends our term (only we write it); throws LeaseLostError when it was taken over. */
  async renew(): Promise<void> {
    await this.check();
    await this.db.jobLeases.updateOne({ _id: termId(this.jobId, this.term) }, { $set: { until: new Date(Date.now() + this.ttlMs) } });
  }

  /** A write of the job document by the holder, stamped with the term. */
  async update(update: UpdateFilter<FineTuningJobDoc> & { $set?: Partial<FineTuningJobDoc> }): Promise<void> {
    await this.check();
    const result = await this.db.jobs.updateOne(
      { _id: this.jobId, fence: { $lte: this.term } } as Filter<FineTuningJobDoc>,
      { ...update, $set: { ...update.$set, fence: this.term } },
    );
    if (result.matchedCount === 0) throw new LeaseLostError(this.jobId);
  }

  /** Lets another instance take over at once (at shutdown, or when the job needs no more watching). */
  async release(): Promise<void> {
    await this.db.jobLeases.updateOne({ _id: termId(this.jobId, this.term), owner: this.owner }, { $set: { until: new Date(0) } });
  }
}
