import { createHash } from 'node:crypto';
import type { Filter } from 'mongodb';
import type { Database } from '../../db/database.js';
import { isDuplicateKeyError } from '../../db/database.js';
import type { FineTuningJobDoc, ModelDoc, ModelStage, Task } from '../../db/documents.js';
import { keysetBounds, keysetSort, type PageArgs } from '../../db/keyset.js';

/**
 * The model registry: base models we trained from and the fine-tuned models jobs produced, with
 * their lineage (dataset → job → model). Registration is idempotent: the id follows from the
 * provider's model id, which is also unique, so a retried or concurrent registration finds the
 * first one.
 */

export interface ModelFilter {
  task?: Task | null;
  stage?: ModelStage | null;
}

export const modelIdOf = (providerModelId: string) => createHash('sha256').update(providerModelId).digest('hex').slice(0, 24);

export class ModelRegistryService {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<ModelDoc[]> {
    return this.db.models.find({ _id: { $in: [...ids] } }).toArray();
  }

  private filterOf(filter: ModelFilter): Filter<ModelDoc> {
    const f: Filter<ModelDoc> = {};
    if (filter.task) f.task = filter.task;
    if (filter.stage) f.stage = filter.stage;
    return f;
  }

  async page(filter: ModelFilter, args: PageArgs): Promise<ModelDoc[]> {
    return this.db.models
      .find({ $and: [this.filterOf(filter), ...keysetBounds(args)] } as Filter<ModelDoc>)
      .sort(keysetSort(args))
      .limit(args.limit)
      .toArray();
  }

  count(filter: ModelFilter): Promise<number> {
    return this.db.models.countDocuments(this.filterOf(filter));
  }

  /** Records a base model (and its latest shutdown date) the first time a job trains from it. */
  async ensureBase(providerModelId: string, shutdownDate: string | null): Promise<ModelDoc> {
    const _id = modelIdOf(providerModelId);
    const now = new Date();
    await ignoreDuplicate(
      this.db.models.updateOne(
        { _id },
        {
          $setOnInsert: { providerModelId, task: null, baseModel: providerModelId, stage: 'BASE', jobId: null, datasetId: null, trainedTokens: null, costUsd: null, createdAt: now },
          $set: { shutdownDate, updatedAt: now },
        },
        { upsert: true },
      ),
    );
    return (await this.db.models.findOne({ _id }))!;
  }

  /** The CANDIDATE model of a succeeded job. */
  async registerCandidate(job: FineTuningJobDoc, providerModelId: string, shutdownDate: string | null): Promise<ModelDoc> {
    const now = new Date();
    const doc: ModelDoc = {
      _id: modelIdOf(providerModelId),
      providerModelId,
      task: job.task,
      baseModel: job.baseModel,
      stage: 'CANDIDATE',
      jobId: job._id,
      datasetId: job.datasetId,
      trainedTokens: job.trainedTokens,
      costUsd: job.costUsd,
      shutdownDate,
      createdAt: now,
      updatedAt: now,
    };
    await ignoreDuplicate(this.db.models.insertOne(doc));
    return (await this.db.models.findOne({ _id: doc._id }))!;
  }
}

/** A concurrent (or earlier) registration of the same model won: its document is the one. */
async function ignoreDuplicate(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}
