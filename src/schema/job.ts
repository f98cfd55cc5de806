import { encodeGlobalID, resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import {
  JOB_STATUSES,
  type FineTuningJobDoc,
  type JobCheckpointDoc,
  type JobErrorDoc,
  type JobEventDoc,
  type JobFileRefDoc,
  type JobHyperparametersDoc,
  type JobProgressDoc,
  type LossPointDoc,
} from '../db/documents.js';
import { badInput } from '../errors.js';
import type { FileCheckReport } from '../services/datasets/format-check.js';
import { builder } from './builder.js';
import { Dataset, FileCheckRef } from './dataset.js';
import { Model } from './model.js';
import { TaskEnum } from './sample.js';

export const JobStatusEnum = builder.enumType('FineTuningJobStatus', {
  values: JOB_STATUSES,
  description:
    'CREATING: accepted here, not yet by the provider. UNKNOWN: a provider status this API does not know (see providerStatus).',
});

/** Cursor of the per-job event sequence: opaque to clients, the seq inside. */
export const encodeSeqCursor = (seq: number) => Buffer.from(`seq:${seq}`).toString('base64url');
export function decodeSeqCursor(cursor: string | null | undefined, field: string): number | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  const m = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw badInput(field, 'not a cursor of job events');
  return Number(m[1]);
}

const HyperparametersRef = builder.objectRef<JobHyperparametersDoc>('Hyperparameters').implement({
  description: 'Null means auto: the provider chooses.',
  fields: (t) => ({
    nEpochs: t.exposeInt('nEpochs', { nullable: true }),
    batchSize: t.exposeInt('batchSize', { nullable: true }),
    learningRateMultiplier: t.exposeFloat('learningRateMultiplier', { nullable: true }),
  }),
});

const JobErrorRef = builder.objectRef<JobErrorDoc>('FineTuningJobError').implement({
  description: "The provider's error, verbatim.",
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.exposeString('message'),
    param: t.exposeString('param', { nullable: true }),
  }),
});

const JobFileRef = builder.objectRef<JobFileRefDoc>('JobFile').implement({
  fields: (t) => ({
    fileId: t.exposeString('providerFileId', { description: "The provider's file id." }),
    filename: t.exposeString('filename'),
    sha256: t.exposeString('sha256'),
    lines: t.exposeInt('lines'),
  }),
});

export const LossPointRef = builder.objectRef<LossPointDoc>('LossPoint').implement({
  description: 'One point of the loss curve, from a metrics event.',
  fields: (t) => ({
    step: t.exposeInt('step'),
    totalSteps: t.exposeInt('totalSteps', { nullable: true }),
    trainLoss: t.exposeFloat('trainLoss', { nullable: true }),
    validLoss: t.exposeFloat('validLoss', { nullable: true }),
    trainAccuracy: t.exposeFloat('trainAccuracy', { nullable: true }),
    validAccuracy: t.exposeFloat('validAccuracy', { nullable: true }),
  }),
});

const JobProgressRef = builder.objectRef<JobProgressDoc>('FineTuningJobProgress').implement({
  description: 'The latest training metrics.',
  fields: (t) => ({
    step: t.exposeInt('step'),
    totalSteps: t.exposeInt('totalSteps', { nullable: true }),
    epoch: t.exposeInt('epoch', { nullable: true }),
    nEpochs: t.exposeInt('nEpochs', { nullable: true }),
    trainLoss: t.exposeFloat('trainLoss', { nullable: true }),
    validLoss: t.exposeFloat('validLoss', { nullable: true }),
    trainAccuracy: t.exposeFloat('trainAccuracy', { nullable: true }),
    validAccuracy: t.exposeFloat('validAccuracy', { nullable: true }),
  }),
});

export const JobEventRef = builder.objectRef<JobEventDoc>('FineTuningJobEvent').implement({
  description: 'A provider event, numbered in import order (seq 1, 2, … with no gap).',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    cursor: t.string({ description: 'Give to jobEvents(after:) or events(after:) to continue after this event.', resolve: (e) => encodeSeqCursor(e.seq) }),
    providerEventId: t.exposeString('providerEventId'),
    level: t.exposeString('level'),
    type: t.exposeString('type', { description: 'message or metrics' }),
    message: t.exposeString('message'),
    data: t.expose('data', { type: 'JSON', nullable: true }),
    metrics: t.field({ type: LossPointRef, nullable: true, resolve: (e) => e.metrics }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const JobCheckpointRef = builder.objectRef<JobCheckpointDoc>('FineTuningJobCheckpoint').implement({
  fields: (t) => ({
    providerCheckpointId: t.exposeString('providerCheckpointId'),
    stepNumber: t.exposeInt('stepNumber'),
    model: t.exposeString('model', { description: 'The checkpoint model id, usable for inference.' }),
    trainLoss: t.float({ nullable: true, resolve: (c) => c.metrics.train_loss ?? null }),
    validLoss: t.float({ nullable: true, resolve: (c) => c.metrics.valid_loss ?? c.metrics.full_valid_loss ?? null }),
    metrics: t.expose('metrics', { type: 'JSON' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const FineTuningJob = builder.loadableNodeRef<FineTuningJobDoc, string>('FineTuningJob', {
  id: { resolve: (j) => j._id },
  load: (ids: string[], ctx) => ctx.services.jobs.byIds(ids),
  sort: (j) => j._id,
});

FineTuningJob.implement({
  description: 'A fine-tuning job and what the watcher learned about it from the provider.',
  fields: (t) => ({
    providerJobId: t.exposeString('providerJobId', { nullable: true, description: 'e.g. ftjob-…; null while CREATING.' }),
    status: t.expose('status', { type: JobStatusEnum }),
    providerStatus: t.exposeString('providerStatus', { nullable: true, description: "The provider's status, verbatim." }),
    task: t.expose('task', { type: TaskEnum }),
    datasetId: t.id({
      nullable: true,
      description: 'The Dataset trained on; null for a bring-your-own file.',
      resolve: (j) => (j.datasetId ? encodeGlobalID('Dataset', j.datasetId) : null),
    }),
    dataset: t.field({ type: Dataset, nullable: true, description: 'The Dataset trained on (lineage dataset → job → model).', resolve: (j) => j.datasetId }),
    baseModel: t.exposeString('baseModel'),
    suffix: t.exposeString('suffix', { nullable: true }),
    seed: t.exposeInt('seed', { nullable: true }),
    hyperparameters: t.field({ type: HyperparametersRef, description: 'As requested.', resolve: (j) => j.hyperparameters }),
    resolvedHyperparameters: t.field({
      type: HyperparametersRef,
      nullable: true,
      description: 'As the provider chose them, once known.',
      resolve: (j) => j.resolvedHyperparameters,
    }),
    trainingFile: t.field({ type: JobFileRef, resolve: (j) => j.trainingFile }),
    validationFile: t.field({ type: JobFileRef, nullable: true, resolve: (j) => j.validationFile }),
    error: t.field({ type: JobErrorRef, nullable: true, resolve: (j) => j.error }),
    progress: t.field({ type: JobProgressRef, nullable: true, resolve: (j) => j.progress }),
    fineTunedModel: t.exposeString('fineTunedModel', { nullable: true }),
    model: t.field({ type: Model, nullable: true, description: 'The registered model, once the job succeeded.', resolve: (j) => j.modelId }),
    trainedTokens: t.exposeInt('trainedTokens', { nullable: true }),
    costUsd: t.exposeFloat('costUsd', { nullable: true, description: 'Actual cost: trained tokens × the price table.' }),
    estimatedFinish: t.expose('estimatedFinish', { type: 'DateTime', nullable: true }),
    cancelRequested: t.exposeBoolean('cancelRequested'),
    eventCount: t.exposeInt('eventCount', { description: 'Events imported so far (the seq of the last one).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    checkpoints: t.field({ type: [JobCheckpointRef], resolve: (j, _a, ctx) => ctx.services.jobs.checkpoints(j._id) }),
    metrics: t.field({ type: [LossPointRef], description: 'The loss curve, in step order.', resolve: (j, _a, ctx) => ctx.services.jobs.metrics(j._id) }),
    events: t.connection(
      {
        type: JobEventRef,
        description: 'Provider events in seq order (oldest first).',
        resolve: (j, args, ctx) =>
          resolveCursorConnection(
            { args, toCursor: (e: JobEventDoc) => encodeSeqCursor(e.seq), defaultSize: 50, maxSize: 500 },
            ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
              ctx.services.jobs.eventsPage(j._id, {
                after: decodeSeqCursor(after, 'after'),
                before: decodeSeqCursor(before, 'before'),
                limit,
                inverted,
              }),
          ).then((c) => ({ ...c, jobId: j._id })),
      },
      {
        fields: (c) => ({
          totalCount: c.int({ resolve: (conn, _a, ctx) => ctx.services.jobs.eventCount((conn as { jobId: string }).jobId) }),
        }),
      },
    ),
  }),
});

const idempotencyKeyDescription = 'Any client-chosen string (8–128 chars): a retry with the same key returns the first job and creates nothing twice.';

export const StartFineTuningInputRef = builder.inputType('StartFineTuningInput', {
  fields: (t) => ({
    datasetId: t.id({ required: true }),
    baseModel: t.string({ description: 'Default gpt-4o-mini-2024-07-18.' }),
    suffix: t.string({ description: 'Part of the model name (≤ 64 letters, digits, . _ -).' }),
    nEpochs: t.int({ description: '1–50; auto when omitted.' }),
    batchSize: t.int({ description: '1–256; auto when omitted.' }),
    learningRateMultiplier: t.float({ description: '(0, 10]; auto when omitted.' }),
    seed: t.int(),
    idempotencyKey: t.string({ description: idempotencyKeyDescription }),
  }),
});

export const CreateFineTuningJobInputRef = builder.inputType('CreateFineTuningJobInput', {
  fields: (t) => ({
    trainingFileId: t.string({ required: true, description: "The provider's file id (from uploadTrainingFile)." }),
    validationFileId: t.string(),
    task: t.field({ type: TaskEnum, required: true }),
    baseModel: t.string({ description: 'Default gpt-4o-mini-2024-07-18.' }),
    suffix: t.string(),
    nEpochs: t.int(),
    batchSize: t.int(),
    learningRateMultiplier: t.float(),
    seed: t.int(),
    idempotencyKey: t.string({ description: idempotencyKeyDescription }),
  }),
});

export const UploadTrainingFileInputRef = builder.inputType('UploadTrainingFileInput', {
  fields: (t) => ({
    filename: t.string({ required: true }),
    content: t.string({ required: true, description: 'The JSONL text. Checked like an export before it is uploaded.' }),
  }),
});

export const JobFilterRef = builder.inputType('FineTuningJobFilter', {
  fields: (t) => ({
    status: t.field({ type: JobStatusEnum }),
    task: t.field({ type: TaskEnum }),
    datasetId: t.id(),
    baseModel: t.string(),
  }),
});

export const TrainingFileRef = builder
  .objectRef<{ providerFileId: string; filename: string; bytes: number; lines: number; tokens: number; sha256: string; reused: boolean; report: FileCheckReport }>(
    'TrainingFile',
  )
  .implement({
    description: 'A JSONL file on the provider, ready to train on.',
    fields: (t) => ({
      fileId: t.exposeString('providerFileId', { description: "The provider's file id: give it to createFineTuningJob." }),
      filename: t.exposeString('filename'),
      bytes: t.exposeInt('bytes'),
      lines: t.exposeInt('lines'),
      tokens: t.exposeInt('tokens'),
      sha256: t.exposeString('sha256'),
      reused: t.exposeBoolean('reused', { description: 'True when the same content was already uploaded: nothing was sent again.' }),
      report: t.field({ type: FileCheckRef, description: 'The format check (cookbook error classes, token statistics).', resolve: (f) => f.report }),
    }),
  });
