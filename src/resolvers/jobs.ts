import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { badInput, notFound } from '../errors.js';
import { CreateFineTuningJobInput, StartFineTuningInput, UploadTrainingFileInput } from '../services/finetuning/inputs.js';
import type { JobFilter } from '../services/finetuning/queries.js';
import { builder } from '../schema/builder.js';
import { Model } from '../schema/model.js';
import { cursorArg, encodeCursor, globalIdOf } from '../schema/global-id.js';
import {
  CreateFineTuningJobInputRef,
  decodeSeqCursor,
  FineTuningJob,
  JobEventRef,
  JobFilterRef,
  StartFineTuningInputRef,
  TrainingFileRef,
  UploadTrainingFileInputRef,
} from '../schema/job.js';

const StartInput = StartFineTuningInput.extend({ datasetId: globalIdOf('Dataset') });
const JobId = globalIdOf('FineTuningJob');
const OptionalDatasetId = globalIdOf('Dataset').nullish();

builder.queryFields((t) => ({
  job: t.field({
    type: FineTuningJob,
    nullable: true,
    authScopes: { analyst: true },
    args: { id: t.arg.id({ required: true }).validate(JobId) },
    resolve: (_root, { id }) => id,
  }),
  jobs: t.connection(
    {
      type: FineTuningJob,
      authScopes: { analyst: true },
      description: 'Fine-tuning jobs, newest first.',
      args: { filter: t.arg({ type: JobFilterRef }) },
      resolve: async (_root, args, ctx) => {
        const f = args.filter ?? {};
        const datasetId = OptionalDatasetId.safeParse(f.datasetId);
        if (!datasetId.success) throw badInput('filter.datasetId', 'not a Dataset id');
        const filter: JobFilter = { status: f.status, task: f.task, baseModel: f.baseModel, datasetId: datasetId.data };
        const connection = await resolveCursorConnection(
          { args, toCursor: (j) => encodeCursor(j.createdAt, j._id), defaultSize: 20, maxSize: 200 },
          ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
            ctx.services.jobs.page(filter, { after: cursorArg(after, 'after'), before: cursorArg(before, 'before'), limit, inverted }),
        );
        return { ...connection, filter };
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn, _a, ctx) => ctx.services.jobs.count((conn as { filter: JobFilter }).filter) }),
      }),
    },
  ),
}));

builder.mutationFields((t) => ({
  startFineTuning: t.field({
    type: FineTuningJob,
    description:
      'Trains on a READY dataset: checks readiness and the base model, uploads the files (equal content once), creates the provider job. Retry with the same idempotencyKey to get the same job.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: StartFineTuningInputRef, required: true }).validate(StartInput) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.idempotency.run(
        { scope: ctx.caller!.keyId, operation: 'startFineTuning', key: input.idempotencyKey, request: input },
        (opId) => ctx.services.fineTuning.startFineTuning(input, ctx.caller!.name, opId),
      ),
  }),
  createFineTuningJob: t.field({
    type: FineTuningJob,
    description: 'Trains on your own JSONL, uploaded with uploadTrainingFile (or already on the provider; checked first).',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateFineTuningJobInputRef, required: true }).validate(CreateFineTuningJobInput) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.idempotency.run(
        { scope: ctx.caller!.keyId, operation: 'createFineTuningJob', key: input.idempotencyKey, request: input },
        (opId) => ctx.services.fineTuning.createFineTuningJob(input, ctx.caller!.name, opId),
      ),
  }),
  uploadTrainingFile: t.field({
    type: TrainingFileRef,
    description: 'Checks a JSONL file (the cookbook format rules, at least 10 examples) and uploads it; equal content is uploaded once, so a retry is harmless.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: UploadTrainingFileInputRef, required: true }).validate(UploadTrainingFileInput) },
    resolve: async (_root, { input }, ctx) => {
      const { file, reused, report } = await ctx.services.fineTuning.uploadTrainingFile(input, ctx.caller!.name);
      return { ...file, sha256: file._id, reused, report };
    },
  }),
  cancelFineTuning: t.field({
    type: FineTuningJob,
    description: 'Cancels a job at the provider. Cancelling a cancelled job returns it; a finished one is a CONFLICT.',
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }).validate(JobId) },
    resolve: (_root, { id }, ctx) => ctx.services.fineTuning.cancel(id, ctx.caller!.name),
  }),
}));

builder.subscriptionFields((t) => ({
  jobUpdated: t.field({
    type: FineTuningJob,
    description: 'The job now, then every change (status, progress, result); completes after the final state.',
    authScopes: { analyst: true },
    args: { id: t.arg.id({ required: true }).validate(JobId) },
    subscribe: async (_root, { id }, ctx) => {
      await ensureJob(ctx.services.jobs, id);
      return ctx.services.jobs.updates(id);
    },
    resolve: (doc, _args, ctx) => {
      // The context lives as long as the subscription: loaded jobs and models must not go stale.
      FineTuningJob.getDataloader(ctx).clearAll();
      Model.getDataloader(ctx).clearAll();
      return doc;
    },
  }),
  jobEvents: t.field({
    type: JobEventRef,
    description:
      'Stored events after the cursor (all when omitted), then live ones as they are imported, in seq order with no gap and no repeat; completes when the job is finished and every event was sent.',
    authScopes: { analyst: true },
    args: {
      jobId: t.arg.id({ required: true }).validate(JobId),
      after: t.arg.string({ description: 'A FineTuningJobEvent.cursor.' }),
    },
    subscribe: async (_root, { jobId, after }, ctx) => {
      const afterSeq = decodeSeqCursor(after, 'after') ?? 0;
      await ensureJob(ctx.services.jobs, jobId);
      return ctx.services.jobs.eventStream(jobId, afterSeq);
    },
    resolve: (event) => event,
  }),
}));

async function ensureJob(jobs: { byIds(ids: string[]): Promise<unknown[]> }, id: string) {
  const [found] = await jobs.byIds([id]);
  if (!found) throw notFound('fine-tuning job', id);
}

