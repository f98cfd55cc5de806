import type { Filter } from 'mongodb';
import type { Database } from '../../db/database.js';
import type { ReviewStatus, SampleDoc, SampleSource, Task } from '../../db/documents.js';
import type { Platform, Tone } from '../cards/card.js';

/** Reading samples: filters and keyset pages ordered newest first. */

export interface SampleFilter {
  task?: Task | null;
  source?: SampleSource | null;
  reviewStatus?: ReviewStatus | null;
  platform?: Platform | null;
  tone?: Tone | null;
  userId?: string | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
  minConfidence?: number | null;
}

export function sampleFilterToMongo(f: SampleFilter): Filter<SampleDoc> {
  const q: Record<string, unknown> = {};
  if (f.task) q.task = f.task;
  if (f.source) q.source = f.source;
  if (f.reviewStatus) q.reviewStatus = f.reviewStatus;
  if (f.platform) q.platform = f.platform;
  if (f.tone) q.tone = f.tone;
  if (f.userId) q.userId = f.userId;
  if (f.createdAfter || f.createdBefore) {
    q.createdAt = {
      ...(f.createdAfter ? { $gte: f.createdAfter } : {}),
      ...(f.createdBefore ? { $lt: f.createdBefore } : {}),
    };
  }
  if (f.minConfidence !== null && f.minConfidence !== undefined) q.confidence = { $gte: f.minConfidence };
  return q as Filter<SampleDoc>;
}

/** Position of a sample in the newest-first order. */
export interface SampleCursor {
  createdAt: Date;
  id: string;
}

export class SampleQueryService {
  constructor(private readonly db: Database) {}

  byIds(ids: readonly string[]): Promise<SampleDoc[]> {
    return this.db.samples.find({ _id: { $in: [...ids] } }).toArray();
  }

  count(filter: SampleFilter): Promise<number> {
    return this.db.samples.countDocuments(sampleFilterToMongo(filter));
  }

  /** Up to `limit` samples after (older than) or before (newer than) a cursor. */
  async page(
    filter: SampleFilter,
    opts: { after?: SampleCursor | null; before?: SampleCursor | null; limit: number; inverted: boolean },
  ): Promise<SampleDoc[]> {
    const base = sampleFilterToMongo(filter);
    const bounds: Filter<SampleDoc>[] = [];
    const older = (c: SampleCursor) => ({
      $or: [{ createdAt: { $lt: c.createdAt } }, { createdAt: c.createdAt, _id: { $lt: c.id } }],
    });
    const newer = (c: SampleCursor) => ({
      $or: [{ createdAt: { $gt: c.createdAt } }, { createdAt: c.createdAt, _id: { $gt: c.id } }],
    });
    if (opts.after) bounds.push(older(opts.after) as Filter<SampleDoc>);
    if (opts.before) bounds.push(newer(opts.before) as Filter<SampleDoc>);
    const query = bounds.length ? ({ $and: [base, ...bounds] } as Filter<SampleDoc>) : base;
    const dir = opts.inverted ? 1 : -1;
    return this.db.samples
      .find(query, { sort: { createdAt: dir, _id: dir }, limit: opts.limit })
      .toArray();
  }
}
