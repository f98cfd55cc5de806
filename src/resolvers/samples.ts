import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { z } from 'zod';
import { badInput } from '../errors.js';
import {
  AddTrainingSampleInput,
  ConfirmScanInput,
  ReviewSamplesInput,
  SubmitCorrectionInput,
} from '../services/collector/inputs.js';
import type { SampleFilter } from '../services/collector/sample-query.js';
import { builder } from '../schema/builder.js';
import {
  AddTrainingSampleInputRef,
  ConfirmScanInputRef,
  ReviewSamplesInputRef,
  SubmitCorrectionInputRef,
} from '../schema/collect.js';
import { cursorArg, encodeCursor, globalIdOf } from '../schema/global-id.js';
import { CollectSamplePayload, ReviewSamplesPayload, Sample, SampleFilterInput } from '../schema/sample.js';

const ReviewInput = ReviewSamplesInput.extend({ ids: z.array(globalIdOf('Sample')).min(1, 'give at least one sample id').max(1000, 'at most 1000 samples at once') });
const MinConfidence = z.number().min(0).max(1).nullish();

builder.queryFields((t) => ({
  sample: t.field({
    type: Sample,
    nullable: true,
    authScopes: { analyst: true },
    args: { id: t.arg.id({ required: true }).validate(globalIdOf('Sample')) },
    resolve: (_root, { id }) => id,
  }),
  samples: t.connection(
    {
      type: Sample,
      authScopes: { analyst: true },
      args: { filter: t.arg({ type: SampleFilterInput }) },
      resolve: async (_root, args, ctx) => {
        const filter: SampleFilter = { ...(args.filter ?? {}) };
        const parsed = MinConfidence.safeParse(filter.minConfidence);
        if (!parsed.success) throw badInput('filter.minConfidence', 'between 0 and 1');
        const connection = await resolveCursorConnection(
          { args, toCursor: (s) => encodeCursor(s.createdAt, s._id), defaultSize: 20, maxSize: 200 },
          ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
            ctx.services.samples.page(filter, {
              after: cursorArg(after, 'after'),
              before: cursorArg(before, 'before'),
              limit,
              inverted,
            }),
        );
        return { ...connection, filter };
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({
          description: 'Samples matching the filter, across all pages.',
          resolve: (conn, _args, ctx) => ctx.services.samples.count((conn as { filter: SampleFilter }).filter),
        }),
      }),
    },
  ),
}));

builder.mutationFields((t) => ({
  confirmScan: t.field({
    type: CollectSamplePayload,
    description: 'A scan the user confirmed as identified correctly.',
    authScopes: { app: true },
    args: { input: t.arg({ type: ConfirmScanInputRef, required: true }).validate(ConfirmScanInput) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.idempotency.run(
        { scope: ctx.caller!.keyId, operation: 'confirmScan', key: input.idempotencyKey, request: input },
        (opId) => ctx.services.collector.confirmScan(input, ctx.caller!.name, opId),
      ),
  }),
  submitCorrection: t.field({
    type: CollectSamplePayload,
    description: 'A prediction the user corrected: the corrected card becomes a training sample.',
    authScopes: { app: true },
    args: { input: t.arg({ type: SubmitCorrectionInputRef, required: true }).validate(SubmitCorrectionInput) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.idempotency.run(
        { scope: ctx.caller!.keyId, operation: 'submitCorrection', key: input.idempotencyKey, request: input },
        (opId) => ctx.services.collector.submitCorrection(input, ctx.caller!.name, opId),
      ),
  }),
  addTrainingSample: t.field({
    type: CollectSamplePayload,
    description: 'A manual card-identification or listing sample.',
    authScopes: { app: true, analyst: true },
    args: { input: t.arg({ type: AddTrainingSampleInputRef, required: true }).validate(AddTrainingSampleInput) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.idempotency.run(
        { scope: ctx.caller!.keyId, operation: 'addTrainingSample', key: input.idempotencyKey, request: input },
        (opId) => ctx.services.collector.addTrainingSample(input, ctx.caller!.name, opId),
      ),
  }),
  reviewSamples: t.field({
    type: ReviewSamplesPayload,
    description: 'Approve or reject samples in bulk; records who decided and when.',
    authScopes: { analyst: true },
    args: { input: t.arg({ type: ReviewSamplesInputRef, required: true }).validate(ReviewInput) },
    resolve: (_root, { input }, ctx) => ctx.services.review.review(input, ctx.caller!.name),
  }),
}));
