import { z } from 'zod';
import { SAMPLE_SOURCES, TASKS } from '../../db/documents.js';
import { Platform, Tone } from '../cards/card.js';
import { IdempotencyKey } from '../collector/inputs.js';
import { DEFAULT_BASE_MODEL } from './pipeline.js';
import { DEFAULT_TEST_FRACTION, DEFAULT_VALIDATION_FRACTION } from './split.js';

/** The edge schema of exportDataset: the GraphQL input is parsed with it before anything runs. */

export const DEFAULT_MIN_CONFIDENCE = 0.8;

const nonEmptyList = <T extends z.ZodTypeAny>(item: T, what: string) =>
  z
    .array(item)
    .min(1, `give at least one ${what}, or leave it out for all`)
    .nullish()
    .transform((v) => (v ? [...new Set(v)] : null));

export const ExportReviewStatus = z.enum(['APPROVED', 'PENDING', 'REJECTED']).refine((s) => s !== 'REJECTED', {
  message: 'rejected samples are never exported',
});

export const ExportDatasetInput = z
  .object({
    task: z.enum(TASKS),
    minConfidence: z
      .number()
      .min(0, 'between 0 and 1')
      .max(1, 'between 0 and 1')
      .nullish()
      .transform((v) => v ?? DEFAULT_MIN_CONFIDENCE),
    reviewStatuses: z
      .array(ExportReviewStatus)
      .min(1, 'give APPROVED, PENDING or both, or leave it out for both')
      .nullish()
      .transform((v) => (v ? [...new Set(v as ('APPROVED' | 'PENDING')[])].sort() : (['APPROVED', 'PENDING'] as ('APPROVED' | 'PENDING')[]))),
    createdAfter: z.date().nullish().transform((v) => v ?? null),
    createdBefore: z.date().nullish().transform((v) => v ?? null),
    sources: nonEmptyList(z.enum(SAMPLE_SOURCES), 'source'),
    platforms: nonEmptyList(Platform, 'platform'),
    tones: nonEmptyList(Tone, 'tone'),
    validationFraction: z
      .number()
      .min(0.1, 'from 0.10 to 0.20')
      .max(0.2, 'from 0.10 to 0.20')
      .nullish()
      .transform((v) => v ?? DEFAULT_VALIDATION_FRACTION),
    testFraction: z
      .number()
      .min(0, 'from 0 to 0.30')
      .max(0.3, 'from 0 to 0.30')
      .nullish()
      .transform((v) => v ?? DEFAULT_TEST_FRACTION),
    seed: z.number().int().min(0).max(2_147_483_647).nullish().transform((v) => v ?? null),
    name: z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters').nullish().transform((v) => v ?? null),
    baseModel: z.string().trim().min(1, 'must not be empty').max(200).nullish().transform((v) => v ?? DEFAULT_BASE_MODEL),
    maxTokensPerExample: z.number().int().min(1, 'at least 1').nullish().transform((v) => v ?? null),
    idempotencyKey: IdempotencyKey,
  })
  .superRefine((v, ctx) => {
    if (v.createdAfter && v.createdBefore && v.createdAfter >= v.createdBefore) {
      ctx.addIssue({ code: 'custom', path: ['createdBefore'], message: 'must be after createdAfter' });
    }
    if (v.task !== 'LISTING_GENERATION') {
      for (const field of ['platforms', 'tones'] as const) {
        if (v[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'only for LISTING_GENERATION' });
      }
    }
  });
export type ExportDatasetInput = z.output<typeof ExportDatasetInput>;
