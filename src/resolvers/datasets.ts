import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { z } from 'zod';
import { notFound } from '../errors.js';
import { IdempotencyKey } from '../services/collector/inputs.js';
import type { DatasetFilter } from '../services/datasets/dataset-query.js';
import { ExportDatasetInput } from '../services/datasets/export-input.js';
import type { ExportProgress } from '../services/datasets/exporter.js';
import type { Events } from '../services/events.js';
import { DEFAULT_BASE_MODEL } from '../services/datasets/pipeline.js';
import { builder } from '../schema/builder.js';
import {
  Dataset,
  DatasetExportProgressRef,
  DatasetFilterRef,
  EstimateCostInputRef,
  EstimateCostPayloadRef,
  ExportDatasetInputRef,
  ExportDatasetPayloadRef,
} from '../schema/dataset.js';
import { cursorArg, encodeCursor, globalIdOf } from '../schema/global-id.js';

/** Inline JSONL stays well under the request body limit (SLABTUNE_MAX_BODY_BYTES, 2 MB by default). */
export const MAX_INLINE_JSONL_CHARS = 1_500_000;

const DatasetId = globalIdOf('Dataset');

const EstimateCostInput = z
  .object({
    datasetId: DatasetId.nullish(),
    trainingFileId: z.string().trim().min(1, 'must not be empty').max(200).nullish(),
    jsonl: z.string().min(1, 'must not be empty').max(MAX_INLINE_JSONL_CHARS, `at most ${MAX_INLINE_JSONL_CHARS} characters; upload bigger files with uploadTrainingFile`).nullish(),
    baseModel: z.string().trim().min(1, 'must not be empty').max(200).nullish().transform((v) => v ?? DEFAULT_BASE_MODEL),
    epochs: z.number().int().min(1, 'from 1 to 50').max(50, 'from 1 to 50').nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    const given = (['datasetId', 'trainingFileId', 'jsonl'] as const).filter((k) => v[k] !== null && v[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [given[1] ?? 'datasetId'], message: 'give exactly one of datasetId, trainingFileId and jsonl' });
    }
  });

/**
 * The progress of one export: first a WAITING event once the listener is registered (so a client
 * that sends the export after it misses nothing), then the exporter's events up to DONE or FAILED.
 */
async function* progressOf(events: Events, key: string): AsyncGenerator<ExportProgress> {
  const source = events.subscribe('dataset:progress', key)[Symbol.asyncIterator]();
  // The first pull registers the listener; events published from now on are queued.
  const first = source.next();
  try {
    yield { phase: 'WAITING', samplesRead: 0, samplesTotal: null, kept: 0, datasetId: null, message: null };
    for (let next = await first; !next.done; next = await source.next()) {
      yield next.value;
      if (next.value.phase === 'DONE' || next.value.phase === 'FAILED') return;
    }
  } finally {
    await source.return?.();
  }
}

builder.queryFields((t) => ({
  dataset: t.field({
    type: Dataset,
    nullable: true,
    authScopes: { analyst: true },
    args: { id: t.arg.id({ required: true }).validate(DatasetId) },
    resolve: (_root, { id }) => id,
  }),
  datasets: t.connection(
    {
      type: Dataset,
      authScopes: { analyst: true },
      description: 'Dataset versions, newest first.',
      args: { filter: t.arg({ type: DatasetFilterRef }) },
      resolve: async (_root, args, ctx) => {
        const filter: DatasetFilter = { task: args.filter?.task ?? null };
        const connection = await resolveCursorConnection(
          { args, toCursor: (d) => encodeCursor(d.createdAt, d._id), defaultSize: 20, maxSize: 200 },
          ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
            ctx.services.datasets.page(filter, { after: cursorArg(after, 'after'), before: cursorArg(before, 'before'), limit, inverted }),
        );
        return { ...connection, filter };
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn, _a, ctx) => ctx.services.datasets.count((conn as { filter: DatasetFilter }).filter) }),
      }),
    },
  ),
  estimateCost: t.field({
    type: EstimateCostPayloadRef,
    description: "The seed's estimate: training tokens and cost of a dataset, an uploaded file or a JSONL text (checked like an export).",
    authScopes: { analyst: true },
    args: { input: t.arg({ type: EstimateCostInputRef, required: true }).validate(EstimateCostInput) },
    resolve: async (_root, { input }, ctx) => {
      const estimator = ctx.services.costEstimator;
      if (input.datasetId) {
        const dataset = await ctx.services.datasets.byId(input.datasetId);
        if (!dataset) throw notFound('dataset', input.datasetId);
        return { estimate: await estimator.forDataset(dataset, input.baseModel, input.epochs, 'input.baseModel'), check: null };
      }
      if (input.trainingFileId) return estimator.forTrainingFile(input.trainingFileId, input.baseModel, input.epochs);
      return estimator.forJsonl(input.jsonl ?? '', input.baseModel, input.epochs);
    },
  }),
}));

builder.mutationFields((t) => ({
  exportDataset: t.field({
    type: ExportDatasetPayloadRef,
    description:
      'Exports the selected samples as a new immutable Dataset (dedupe, conflicts, format and token checks, stratified split, ' +
      'JSONL files). Not enough samples: PRECONDITION_FAILED with have/need and nothing written. The same content as an ' +
      'existing version returns that version. Progress: subscribe to datasetExportProgress with the idempotencyKey first.',
    authScopes: { analyst: true },
    args: { input: t.arg({ type: ExportDatasetInputRef, required: true }).validate(ExportDatasetInput) },
    resolve: (_root, { input }, ctx) => {
      const caller = ctx.caller!;
      return ctx.services.idempotency.run({ scope: caller.keyId, operation: 'exportDataset', key: input.idempotencyKey, request: input }, (opId) =>
        ctx.services.datasetExporter.export(input, {
          createdBy: caller.name,
          opId,
          progressKey: input.idempotencyKey ? `${caller.keyId}:${input.idempotencyKey}` : null,
        }),
      );
    },
  }),
}));

builder.subscriptionFields((t) => ({
  datasetExportProgress: t.field({
    type: DatasetExportProgressRef,
    description:
      'Progress of your own exportDataset call with this idempotencyKey: WAITING first (send the export then), then its phases; completes after DONE or FAILED.',
    authScopes: { analyst: true },
    args: { idempotencyKey: t.arg.string({ required: true }).validate(IdempotencyKey) },
    subscribe: (_root, { idempotencyKey }, ctx) =>
      progressOf(ctx.services.events, `${ctx.caller!.keyId}:${idempotencyKey}`),
    resolve: (progress) => progress,
  }),
}));
