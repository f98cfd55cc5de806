import type { Filter } from 'mongodb';
import type { Database } from '../../db/database.js';
import type { FineTuningJobDoc, JobCheckpointDoc, JobEventDoc, JobStatus, LossPointDoc, Task } from '../../db/documents.js';
import type { Events } from '../events.js';
import { keysetBounds, keysetSort, type PageArgs } from '../../db/keyset.js';
import { jobEventStream, jobUpdateStream } from './streams.js';

/** Reading jobs, their events, checkpoints and loss curves; the streams of the subscriptions. */

export interface JobFilter {
  status?: JobStatus | null;
  task?: Task | null;
  datasetId?: string | null;
  baseModel?: string | null;
}

export interface SeqPageArgs {
  after: number | null;
  before: number | null;
  limit: number;
  inverted: boolean;
}

export class JobQueryService {
  constructor(
    private readonly db: Database,
    private readonly events: Events,
    private readonly pollMs: number,
  ) {}

  byIds(ids: readonly string[]): Promise<FineTuningJobDoc[]> {
    return this.db.jobs.find({ _id: { $in: [...ids] } }).toArray();
  }

  private filterOf(filter: JobFilter): Filter<FineTuningJobDoc> {
    const f: Filter<FineTuningJobDoc> = {};
    if (filter.status) f.status = filter.status;
    if (filter.task) f.task = filter.task;
    if (filter.datasetId) f.datasetId = filter.datasetId;
    if (filter.baseModel) f.baseModel = filter.baseModel;
    return f;
  }

  page(filter: JobFilter, args: PageArgs): Promise<FineTuningJobDoc[]> {
    return this.db.jobs
      .find({ $and: [this.filterOf(filter), ...keysetBounds(args)] } as Filter<FineTuningJobDoc>)
      .sort(keysetSort(args))
      .limit(args.limit)
      .toArray();
  }

  count(filter: JobFilter): Promise<number> {
    return this.db.jobs.countDocuments(this.filterOf(filter));
  }

  /** Events in seq order (oldest first). */
  eventsPage(jobId: string, args: SeqPageArgs): Promise<JobEventDoc[]> {
    const seq: { $gt?: number; $lt?: number } = {};
    if (args.after !== null) seq.$gt = args.after;
    if (args.before !== null) seq.$lt = args.before;
    const dir = args.inverted ? -1 : 1;
    return this.db.jobEvents
      .find(Object.keys(seq).length ? { jobId, seq } : { jobId })
      .sort({ seq: dir })
      .limit(args.limit)
      .toArray();
  }

  eventCount(jobId: string): Promise<number> {
    return this.db.jobEvents.countDocuments({ jobId });
  }

  checkpoints(jobId: string): Promise<JobCheckpointDoc[]> {
    return this.db.jobCheckpoints.find({ jobId }).sort({ stepNumber: 1 }).toArray();
  }

  /** The loss curve: one point per metrics event, by step. */
  async metrics(jobId: string): Promise<LossPointDoc[]> {
    const events = await this.db.jobEvents.find({ jobId, type: 'metrics' }).sort({ seq: 1 }).toArray();
    return events.flatMap((e) => (e.metrics ? [e.metrics] : []));
  }

  updates(jobId: string): AsyncGenerator<FineTuningJobDoc> {
    return jobUpdateStream(this.db, this.events, jobId, this.pollMs);
  }

  eventStream(jobId: string, afterSeq: number): AsyncGenerator<JobEventDoc> {
    return jobEventStream(this.db, this.events, jobId, afterSeq, this.pollMs);
  }
}
