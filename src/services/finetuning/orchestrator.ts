import { ObjectId } from 'mongodb';
import type { Database } from '../../db/database.js';
import { isDuplicateKeyError } from '../../db/database.js';
import type { FineTuningJobDoc, JobFileRefDoc, Task, TrainingFileDoc } from '../../db/documents.js';
import { badInput, conflict, notFound, preconditionFailed } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Events } from '../events.js';
import { ProviderError, type FineTuningProvider } from '../providers/types.js';
import type { ModelRegistryService } from '../registry/models.js';
import type { FileCheckReport } from '../datasets/format-check.js';
import { withProviderRetries, type TrainingFileService, type UploadedFile } from './files.js';
import { JobLease, LeaseLostError } from './lease.js';
import { isTerminal, jobStatusOf } from './status.js';
import type { JobSync } from './sync.js';
import type { JobWatcher } from './watcher.js';

/**
 * Starting and cancelling fine-tuning jobs. A job document exists (status CREATING, its lease
 * held by this instance) before anything is asked of the provider, and its id is in the provider
 * job's metadata: whatever fails in between, the watcher can find or finish the provider job,
 * and never creates a second one.
 */

export interface JobSettings {
  baseModel: string;
  suffix?: string | null;
  nEpochs?: number | null;
  batchSize?: number | null;
  learningRateMultiplier?: number | null;
  seed?: number | null;
}

export interface StartFineTuningInput extends JobSettings {
  datasetId: string;
}

export interface CreateFineTuningJobInput extends JobSettings {
  task: Task;
  trainingFileId: string;
  validationFileId?: string | null;
}

export interface UploadResult extends UploadedFile {
  report: FileCheckReport;
}

const CREATE_ATTEMPTS = 5;

export class FineTuningService {
  constructor(
    private readonly deps: {
      db: Database;
      provider: FineTuningProvider;
      files: TrainingFileService;
      sync: JobSync;
      watcher: JobWatcher;
      models: ModelRegistryService;
      events: Events;
      logger: Logger;
      owner: string;
      leaseMs: number;
    },
  ) {}

  /** Trains on an exported dataset: checks it, uploads its files (reusing equal ones), creates the job. */
  async startFineTuning(input: StartFineTuningInput, createdBy: string, opId: string | null): Promise<string> {
    const { db, files } = this.deps;
    const jobId = opId ?? new ObjectId().toHexString();
    // A re-run after a crash (same idempotency key, same opId) continues the job it began.
    if (await db.jobs.countDocuments({ _id: jobId }, { limit: 1 })) return jobId;

    const dataset = await db.datasets.findOne({ _id: input.datasetId });
    if (!dataset) throw notFound('dataset', input.datasetId);
    if (dataset.status !== 'READY') throw preconditionFailed(`dataset ${dataset.name} is ${dataset.status}, not READY`, { status: dataset.status });
    const readiness = readinessOf(dataset.report);
    if (readiness && !readiness.ready) {
      throw preconditionFailed(`dataset ${dataset.name} has ${readiness.have} samples, ${readiness.need} are needed to train`, {
        have: readiness.have,
        need: readiness.need,
      });
    }
    const train = dataset.files.find((f) => f.split === 'TRAIN');
    if (!train || train.lines === 0) throw preconditionFailed(`dataset ${dataset.name} has no training file`, { have: 0, need: 1 });
    const validation = dataset.files.find((f) => f.split === 'VALIDATION' && f.lines > 0) ?? null;
    await this.checkBaseModel(input.baseModel);

    const trainingFile = (await files.ensureDatasetFile(train, createdBy)).file;
    const validationFile = validation ? (await files.ensureDatasetFile(validation, createdBy)).file : null;
    // The dataset's seed makes a retrain of the same version reproducible unless a seed is given.
    const settings = { ...input, seed: input.seed ?? dataset.seed ?? null };
    return this.launch(jobId, { task: dataset.task, datasetId: dataset._id, settings, trainingFile, validationFile, createdBy });
  }

  /** Bring-your-own: a file uploaded with uploadTrainingFile (or on the provider, checked first). */
  async createFineTuningJob(input: CreateFineTuningJobInput, createdBy: string, opId: string | null): Promise<string> {
    const { db, files } = this.deps;
    const jobId = opId ?? new ObjectId().toHexString();
    if (await db.jobs.countDocuments({ _id: jobId }, { limit: 1 })) return jobId;
    await this.checkBaseModel(input.baseModel);
    const trainingFile = await files.byProviderId(input.trainingFileId, 'input.trainingFileId', createdBy, input.baseModel);
    const validationFile = input.validationFileId
      ? await files.byProviderId(input.validationFileId, 'input.validationFileId', createdBy, input.baseModel)
      : null;
    return this.launch(jobId, { task: input.task, datasetId: null, settings: input, trainingFile, validationFile, createdBy });
  }

  /** Checks a JSONL file like an export and uploads it (once per content). */
  async uploadTrainingFile(input: { filename: string; content: string }, createdBy: string): Promise<UploadResult> {
    const content = Buffer.from(input.content, 'utf8');
    const report = await this.deps.files.check(content);
    this.deps.files.assertTrainable(report, 'input.content');
    const uploaded = await this.deps.files.ensureUploaded({
      content,
      filename: input.filename,
      lines: report.examples,
      tokens: report.tokens.total,
      source: 'UPLOAD',
      createdBy,
    });
    return { ...uploaded, report };
  }

  /**
   * Cancels at the provider. The request is recorded (an insert, so nothing the watcher writes can
   * lose it) and the job's watcher, the only writer of the job document, records the outcome on
   * its next poll, which the request makes immediate. A job still being created is cancelled as
   * soon as it exists. Returns the job as the provider now has it.
   */
  async cancel(jobId: string, requestedBy: string): Promise<FineTuningJobDoc> {
    const { db, provider, watcher } = this.deps;
    const doc = await db.jobs.findOne({ _id: jobId });
    if (!doc) throw notFound('fine-tuning job', jobId);
    if (doc.status === 'CANCELLED') return doc;
    if (isTerminal(doc.status)) throw conflict(`job ${jobId} has already finished (${doc.status})`, { status: doc.status });
    try {
      await db.jobCancelRequests.insertOne({ _id: jobId, requestedBy, requestedAt: new Date() });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    let view: FineTuningJobDoc = { ...doc, cancelRequested: true };
    if (doc.providerJobId) {
      const job = await provider.cancelJob(doc.providerJobId).catch(async (err: unknown) => {
        if (!(err instanceof ProviderError)) throw err;
        // 400: it finished just before; otherwise the watcher retries the cancel while it is requested.
        this.deps.logger.info('cancel at the provider failed; the watcher will retry', { jobId, err });
        return err.kind === 'bad_request' ? provider.retrieveJob(doc.providerJobId!).catch(() => null) : null;
      });
      if (job) view = { ...view, status: jobStatusOf(job.status), providerStatus: job.status };
    }
    await watcher.refresh(jobId);
    return view;
  }

  /**
   * A provider webhook (`fine_tuning.job.succeeded|failed|cancelled`): verified with the SDK,
   * then the job is polled at once instead of at its next turn. Returns our job id, or null
   * when the event is about nothing we watch. Throws ProviderError 'bad_request' on a bad signature.
   */
  async onWebhook(body: string, headers: Record<string, string>, secret: string): Promise<string | null> {
    const event = await this.deps.provider.unwrapWebhook(body, headers, secret);
    if (!event.type.startsWith('fine_tuning.job.') || !event.objectId) return null;
    const job = await this.deps.db.jobs.findOne({ providerJobId: event.objectId });
    if (!job) return null;
    await this.deps.watcher.refresh(job._id);
    return job._id;
  }

  /** The base model must exist at the provider and not be past its shutdown date. */
  private async checkBaseModel(baseModel: string): Promise<void> {
    const model = await withProviderRetries('looking up the base model', () => this.deps.provider.retrieveModel(baseModel));
    if (!model) throw badInput('input.baseModel', `the provider has no model ${baseModel}`);
    if (model.shutdownDate && model.shutdownDate <= new Date().toISOString().slice(0, 10)) {
      throw preconditionFailed(`${baseModel} was shut down on ${model.shutdownDate}`, { shutdownDate: model.shutdownDate });
    }
    await this.deps.models.ensureBase(baseModel, model.shutdownDate);
  }

  private async launch(
    jobId: string,
    args: {
      task: Task;
      datasetId: string | null;
      settings: JobSettings;
      trainingFile: TrainingFileDoc;
      validationFile: TrainingFileDoc | null;
      createdBy: string;
    },
  ): Promise<string> {
    const { db, watcher, sync, owner, leaseMs } = this.deps;
    const now = new Date();
    const s = args.settings;
    const doc: FineTuningJobDoc = {
      _id: jobId,
      task: args.task,
      datasetId: args.datasetId,
      baseModel: s.baseModel,
      suffix: s.suffix ?? null,
      seed: s.seed ?? null,
      hyperparameters: { nEpochs: s.nEpochs ?? null, batchSize: s.batchSize ?? null, learningRateMultiplier: s.learningRateMultiplier ?? null },
      resolvedHyperparameters: null,
      trainingFile: fileRef(args.trainingFile),
      validationFile: args.validationFile ? fileRef(args.validationFile) : null,
      providerJobId: null,
      status: 'CREATING',
      providerStatus: null,
      error: null,
      fineTunedModel: null,
      modelId: null,
      trainedTokens: null,
      costUsd: null,
      progress: null,
      estimatedFinish: null,
      cancelRequested: false,
      finalized: false,
      lastEventId: null,
      eventCount: 0,
      version: 1,
      fence: 1,
      nextPollAt: now,
      pollFailures: 0,
      createdBy: args.createdBy,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    };
    await watcher.hold(jobId, async () => {
      // The lease first: whoever holds term 1 creates the provider job; anyone later only looks for it.
      const lease = await JobLease.claim(db, jobId, owner, leaseMs, 1);
      try {
        await db.jobs.insertOne(doc);
      } catch (err) {
        if (isDuplicateKeyError(err)) return;
        throw err;
      }
      this.deps.events.publish('job:updated', jobId, { jobId, version: doc.version });
      if (!lease) return;
      try {
        await sync.create(lease, doc, { attempts: CREATE_ATTEMPTS, mayExist: false });
      } catch (err) {
        // Still CREATING: the watcher carries on (listing by metadata before any new attempt).
        if (err instanceof LeaseLostError) return;
        if (err instanceof ProviderError) {
          this.deps.logger.warn('job creation did not complete; the watcher will finish it', { jobId, err });
          await lease.release();
          return;
        }
        throw err;
      }
    });
    await watcher.refresh(jobId);
    return jobId;
  }
}

function fileRef(f: TrainingFileDoc): JobFileRefDoc {
  return { providerFileId: f.providerFileId, sha256: f._id, filename: f.filename, lines: f.lines };
}

/** The readiness verdict an export stored in its report (have/need), if any. */
function readinessOf(report: Record<string, unknown> | null): { ready: boolean; have: number; need: number } | null {
  const r = report?.readiness as { ready?: unknown; have?: unknown; need?: unknown } | undefined;
  if (!r || typeof r.ready !== 'boolean') return null;
  return { ready: r.ready, have: Number(r.have ?? 0), need: Number(r.need ?? 0) };
}

