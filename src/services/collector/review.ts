import type { Database } from '../../db/database.js';
import type { Events } from '../events.js';
import type { ReviewSamplesInput } from './inputs.js';

/** Bulk approve / reject, recording who decided and when. */
export class ReviewService {
  constructor(
    private readonly db: Database,
    private readonly events: Events,
  ) {}

  async review(input: ReviewSamplesInput, reviewer: string): Promise<{ updatedIds: string[]; notFoundIds: string[] }> {
    const ids = [...new Set(input.ids)];
    const now = new Date();
    await this.db.samples.updateMany(
      { _id: { $in: ids } },
      { $set: { reviewStatus: input.decision, reviewedBy: reviewer, reviewedAt: now, reviewNote: input.note, updatedAt: now } },
    );
    const found = new Set(
      (await this.db.samples.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray()).map((d) => d._id),
    );
    this.events.publish('samples:changed', { at: now });
    return { updatedIds: ids.filter((id) => found.has(id)), notFoundIds: ids.filter((id) => !found.has(id)) };
  }
}
