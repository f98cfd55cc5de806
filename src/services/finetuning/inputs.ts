import { z } from 'zod';
import { TASKS } from '../../db/documents.js';
import { IdempotencyKey } from '../collector/inputs.js';
import { DEFAULT_BASE_MODEL } from '../datasets/pipeline.js';

/** The edge schemas of the fine-tuning mutations (the API's ranges are OpenAI's). */

const nullable = <T extends z.ZodTypeAny>(t: T) => t.nullish().transform((v) => v ?? null);

export const Hyperparameters = {
  baseModel: z.string().trim().min(1, 'must not be empty').max(200).nullish().transform((v) => v ?? DEFAULT_BASE_MODEL),
  suffix: nullable(
    z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(64, 'at most 64 characters')
      .regex(/^[A-Za-z0-9._-]+$/, 'only letters, digits, ".", "_" and "-"'),
  ),
  nEpochs: nullable(z.number().int().min(1, 'from 1 to 50').max(50, 'from 1 to 50')),
  batchSize: nullable(z.number().int().min(1, 'from 1 to 256').max(256, 'from 1 to 256')),
  learningRateMultiplier: nullable(z.number().gt(0, 'greater than 0').max(10, 'at most 10')),
  seed: nullable(z.number().int().min(0).max(2_147_483_647)),
  idempotencyKey: IdempotencyKey,
};

export const StartFineTuningInput = z.object(Hyperparameters);

export const CreateFineTuningJobInput = z.object({
  ...Hyperparameters,
  task: z.enum(TASKS),
  trainingFileId: z.string().trim().min(1).max(200),
  validationFileId: nullable(z.string().trim().min(1).max(200)),
});

export const UploadTrainingFileInput = z.object({
  filename: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'at most 200 characters')
    .regex(/^[^/\\]+$/, 'a file name, not a path'),
  content: z.string().min(1, 'must not be empty'),
});
