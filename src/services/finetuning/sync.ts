import type { AnyBulkWriteOperation } from 'mongodb';
import type { Database } from '../../db/database.js';
import { isDuplicateKeyError } from '../../db/database.js';
import type { FineTuningJobDoc, JobCheckpointDoc, JobEventDoc, JobHyperparametersDoc } from '../../db/documents.js';
import type { Logger } from '../../logger.js';
import type { Events } from '../events.js';
import { ProviderError, type CreateJobRequest, type FineTuningProvider, type ProviderJob, type ProviderJobEvent } from '../providers/types.js';
import type { ModelRegistryService } from '../registry/models.js';
import { lookupModel, type PriceTable } from '../tokens/prices.js';
import { createJobAtMostOnce } from './creation.js';
import type { JobLease } from './lease.js';
import { isTerminal, jobStatusOf, lossPointOf, progressOf, trainingCostUsd } from './status.js';

/**
 * One job brought up to date with its provider job, under the watcher lease: creation (when an
 * earlier attempt left it unfinished), cancel requests, status, events (deduplicated by the
 * provider's event id, numbered with a gapless per-job seq), checkpoints, loss metrics, and on
 * success the CANDIDATE model. Events are written before the status that finalizes the job, so
 * a crash at any point is repaired by the next poll, by whichever instance makes it.
 */

/** Our job id on the provider job, so a lost create answer can be found again. */
export const JOB_METADATA_KEY = 'slabtune_job_id';
const EVENT_PAGE = 100;
const MAX_EVENT_PAGES = 1000;

export interface SyncDeps {
  db: Database;
  provider: FineTuningProvider;
  events: Events;
  models: ModelRegistryService;
  prices: PriceTable;
  logger: Logger;
  intervalMs: number;
}

export function createRequestOf(doc: FineTuningJobDoc): CreateJobRequest {
  return {
    model: doc.baseModel,
    trainingFile: doc.trainingFile.providerFileId,
    validationFile: doc.validationFile?.providerFileId ?? null,
    suffix: doc.suffix,
    hyperparameters: doc.hyperparameters,
    metadata: { [JOB_METADATA_KEY]: doc._id },
    seed: doc.seed,
  };
}

const resolvedOf = (job: ProviderJob): JobHyperparametersDoc | null => {
  const hp = job.hyperparameters;
  return hp.nEpochs === null && hp.batchSize === null && hp.learningRateMultiplier === null ? null : hp;
};

export class JobSync {
  constructor(private readonly deps: SyncDeps) {}

  private publish(jobId: string, version: number): void {
    this.deps.events.publish('job:updated', jobId, { jobId, version });
  }

  /** Creates the provider job (listing by metadata first when an attempt may have landed). */
  async create(lease: JobLease, doc: FineTuningJobDoc, options: { attempts: number; mayExist: boolean }): Promise<void> {
    try {
      const { job } = await createJobAtMostOnce(this.deps.provider, createRequestOf(doc), {
        ...options,
        baseDelayMs: Math.max(50, this.deps.intervalMs),
        maxDelayMs: 5_000,
        beforeAttempt: () => lease.renew(),
      });
      await this.adopt(lease, doc, job);
    } catch (err) {
      if (!(err instanceof ProviderError) || err.transient) throw err;
      // The provider refused the job for good (bad file, unknown model, quota): keep its words.
      const now = new Date();
      await lease.update({
        $set: {
          status: 'FAILED',
          providerStatus: null,
          error: { code: err.code ?? err.kind, message: err.message, param: err.param },
          finalized: true,
          finishedAt: now,
          updatedAt: now,
        },
        $inc: { version: 1 },
      });
      await lease.release();
      this.publish(doc._id, doc.version + 1);
    }
  }

  private async adopt(lease: JobLease, doc: FineTuningJobDoc, job: ProviderJob): Promise<void> {
    const now = new Date();
    await lease.update({
      $set: {
        providerJobId: job.id,
        status: jobStatusOf(job.status),
        providerStatus: job.status,
        estimatedFinish: job.estimatedFinish,
        nextPollAt: now,
        pollFailures: 0,
        updatedAt: now,
      },
      $inc: { version: 1 },
    });
    this.publish(doc._id, doc.version + 1);
  }

  /** One poll. Throws ProviderError (the caller backs off) or LeaseLostError (someone else watches now). */
  async poll(lease: JobLease, doc: FineTuningJobDoc): Promise<void> {
    if (!doc.providerJobId) return this.create(lease, doc, { attempts: 1, mayExist: true });
    const { provider, db } = this.deps;
    const cancelRequested = doc.cancelRequested || (await db.jobCancelRequests.countDocuments({ _id: doc._id }, { limit: 1 })) > 0;
    if (cancelRequested && !isTerminal(doc.status)) await this.cancelOnProvider(doc.providerJobId);
    const job = await provider.retrieveJob(doc.providerJobId);
    // Status first, events second: once the status is terminal, the events read after it are all there are.
    await lease.renew();
    const current = doc;
    const imported = await this.importEvents(lease, current);
    const status = jobStatusOf(job.status);
    const terminal = isTerminal(status);
    const checkpointsChanged =
      imported.inserted.length > 0 || status !== current.status || terminal ? await this.syncCheckpoints(current._id, doc.providerJobId) : false;

    const resolved = resolvedOf(job) ?? current.resolvedHyperparameters;
    const lastPoint = [...imported.inserted].reverse().find((e) => e.metrics)?.metrics ?? null;
    const progress = lastPoint ? progressOf(lastPoint, resolved?.nEpochs ?? current.hyperparameters.nEpochs) : current.progress;
    const now = new Date();
    const visible = {
      status,
      cancelRequested,
      providerStatus: job.status,
      resolvedHyperparameters: resolved,
      trainedTokens: job.trainedTokens,
      fineTunedModel: job.fineTunedModel,
      error: job.error,
      estimatedFinish: job.estimatedFinish,
      progress,
      eventCount: imported.lastSeq,
    };
    const changed =
      checkpointsChanged ||
      JSON.stringify(visible) !==
        JSON.stringify({
          status: current.status,
          cancelRequested: current.cancelRequested,
          providerStatus: current.providerStatus,
          resolvedHyperparameters: current.resolvedHyperparameters,
          trainedTokens: current.trainedTokens,
          fineTunedModel: current.fineTunedModel,
          error: current.error,
          estimatedFinish: current.estimatedFinish,
          progress: current.progress,
          eventCount: current.eventCount,
        });
    const set: Partial<FineTuningJobDoc> = {
      ...visible,
      lastEventId: imported.newestId ?? current.lastEventId,
      nextPollAt: new Date(now.getTime() + this.deps.intervalMs),
      pollFailures: 0,
    };
    if (changed) set.updatedAt = now;
    // Finalized only once the terminal status was already stored and a later poll found no new
    // event: a provider may append the last events just after the status changes.
    const finalize = terminal && isTerminal(current.status) && imported.inserted.length === 0;
    if (terminal) {
      set.finishedAt = job.finishedAt ?? current.finishedAt ?? now;
      if (status === 'SUCCEEDED' && job.fineTunedModel && !current.modelId) Object.assign(set, await this.registerModel(current, job));
    }
    if (finalize) set.finalized = true;
    await lease.update(changed ? { $set: set, $inc: { version: 1 } } : { $set: set });
    if (changed || finalize) this.publish(current._id, current.version + (changed ? 1 : 0));
    if (finalize) {
      await lease.release();
      await Promise.all([db.jobCancelRequests.deleteOne({ _id: current._id }), db.jobPollRequests.deleteMany({ jobId: current._id })]);
    }
  }

  private async cancelOnProvider(providerJobId: string): Promise<void> {
    try {
      await this.deps.provider.cancelJob(providerJobId);
    } catch (err) {
      // 400: it finished before the cancel arrived; the status read next tells which way.
      if (!(err instanceof ProviderError) || err.kind !== 'bad_request') throw err;
    }
  }

  private async registerModel(doc: FineTuningJobDoc, job: ProviderJob): Promise<Partial<FineTuningJobDoc>> {
    const ftModel = job.fineTunedModel!;
    let costUsd: number | null = null;
    if (job.trainedTokens !== null) {
      try {
        costUsd = trainingCostUsd(job.trainedTokens, lookupModel(this.deps.prices, doc.baseModel).trainingPer1M);
      } catch {
        this.deps.logger.warn('no training price for the base model; cost left unknown', { baseModel: doc.baseModel });
      }
    }
    const info = await this.deps.provider.retrieveModel(ftModel);
    const base = info?.shutdownDate ? null : await this.deps.db.models.findOne({ providerModelId: doc.baseModel });
    const model = await this.deps.models.registerCandidate(
      { ...doc, trainedTokens: job.trainedTokens, costUsd },
      ftModel,
      info?.shutdownDate ?? base?.shutdownDate ?? null,
    );
    return { modelId: model._id, costUsd, trainedTokens: job.trainedTokens };
  }

  /** Imports events newer than the last one seen, oldest first, each under the next seq. */
  async importEvents(lease: JobLease, doc: FineTuningJobDoc): Promise<{ inserted: JobEventDoc[]; newestId: string | null; lastSeq: number }> {
    const { provider, db } = this.deps;
    const fresh: ProviderJobEvent[] = [];
    let after: string | undefined;
    pages: for (let page = 0; page < MAX_EVENT_PAGES; page++) {
      const p = await provider.listEvents(doc.providerJobId!, { limit: EVENT_PAGE, ...(after ? { after } : {}) });
      for (const e of p.data) {
        if (e.id === doc.lastEventId) break pages;
        fresh.push(e);
      }
      if (!p.hasMore || p.data.length === 0) break;
      after = p.data[p.data.length - 1]!.id;
    }
    const newestId = fresh[0]?.id ?? null;
    fresh.reverse();
    const inserted: JobEventDoc[] = [];
    let seq = fresh.length ? await this.lastSeq(doc._id) : doc.eventCount;
    for (const e of fresh) {
      const _id = `${doc._id}:${e.id}`;
      for (;;) {
        const event: JobEventDoc = {
          _id,
          jobId: doc._id,
          seq: seq + 1,
          providerEventId: e.id,
          level: e.level,
          type: e.type,
          message: e.message,
          data: e.data,
          metrics: lossPointOf(e),
          createdAt: e.createdAt,
          importedAt: new Date(),
          importedBy: lease.owner,
          fence: lease.term,
        };
        try {
          await db.jobEvents.insertOne(event);
          seq += 1;
          inserted.push(event);
          this.deps.events.publish('job:event', doc._id, event);
          break;
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
          // Imported already (by us before a crash, or by a former lease holder): skip it.
          if (await db.jobEvents.countDocuments({ _id }, { limit: 1 })) break;
          // Someone else took this seq meanwhile: continue after theirs.
          seq = await this.lastSeq(doc._id);
        }
      }
    }
    return { inserted, newestId, lastSeq: fresh.length ? seq : Math.max(seq, doc.eventCount) };
  }

  private async lastSeq(jobId: string): Promise<number> {
    const last = await this.deps.db.jobEvents.find({ jobId }).sort({ seq: -1 }).limit(1).toArray();
    return last[0]?.seq ?? 0;
  }

  /** Upserts the provider's checkpoints; true when a new one appeared. */
  private async syncCheckpoints(jobId: string, providerJobId: string): Promise<boolean> {
    const checkpoints = await this.deps.provider.listCheckpoints(providerJobId);
    if (checkpoints.length === 0) return false;
    const ops: AnyBulkWriteOperation<JobCheckpointDoc>[] = checkpoints.map((c) => ({
      updateOne: {
        filter: { _id: `${jobId}:${c.id}` },
        update: {
          $setOnInsert: { jobId, providerCheckpointId: c.id, stepNumber: c.stepNumber, model: c.model, metrics: c.metrics, createdAt: c.createdAt },
        },
        upsert: true,
      },
    }));
    const result = await this.deps.db.jobCheckpoints.bulkWrite(ops, { ordered: false });
    return result.upsertedCount > 0;
  }
}

