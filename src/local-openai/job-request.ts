import { z } from 'zod';
import { invalidRequest, missingParameter } from './errors.js';

/**
 * The body of `POST /v1/fine_tuning/jobs`, checked as OpenAI does: a 400 naming the offending
 * parameter (`param`, dotted for nested ones such as `hyperparameters.n_epochs`).
 */

const auto = z.literal('auto');
const HyperparametersBody = z
  .object({
    n_epochs: z.union([auto, z.number().int().min(1).max(50)]).optional(),
    batch_size: z.union([auto, z.number().int().min(1).max(256)]).optional(),
    learning_rate_multiplier: z.union([auto, z.number().gt(0).max(10)]).optional(),
  })
  .strict();

const CreateJobBody = z
  .object({
    model: z.string().min(1),
    training_file: z.string().min(1),
    validation_file: z.string().min(1).nullish(),
    hyperparameters: HyperparametersBody.nullish(),
    method: z
      .object({
        type: z.enum(['supervised', 'dpo', 'reinforcement']),
        supervised: z.object({ hyperparameters: HyperparametersBody.nullish() }).nullish(),
        dpo: z.unknown().optional(),
        reinforcement: z.unknown().optional(),
      })
      .nullish(),
    suffix: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9._-]+$/, 'may contain only letters, digits, ".", "_" and "-"')
      .nullish(),
    seed: z.number().int().min(0).max(2_147_483_647).nullish(),
    metadata: z
      .record(z.string().max(64), z.string().max(512))
      .refine((m) => Object.keys(m).length <= 16, 'at most 16 key-value pairs')
      .nullish(),
    integrations: z.unknown().optional(),
  })
  .passthrough();

export type HyperparametersRequest = z.infer<typeof HyperparametersBody>;

export interface CreateJobRequest {
  model: string;
  trainingFile: string;
  validationFile: string | null;
  hyperparameters: HyperparametersRequest;
  suffix: string | null;
  seed: number | null;
  metadata: Record<string, string> | null;
}

export function parseCreateJobRequest(body: unknown): CreateJobRequest {
  if (typeof body !== 'object' || body === null) throw invalidRequest('The request body must be a JSON object.');
  for (const key of ['model', 'training_file'] as const) {
    if (!(key in body) || (body as Record<string, unknown>)[key] == null) throw missingParameter(key);
  }
  const parsed = CreateJobBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = issue.path.map(String).join('.') || null;
    throw invalidRequest(`Invalid value for '${param ?? 'body'}': ${issue.message}.`, param, 'invalid_value');
  }
  const b = parsed.data;
  if (b.method && b.method.type !== 'supervised') {
    throw invalidRequest(`Fine-tuning method '${b.method.type}' is not supported by this provider; use 'supervised'.`, 'method.type', 'invalid_value');
  }
  const fromMethod = b.method?.supervised?.hyperparameters ?? {};
  if (b.hyperparameters && b.method?.supervised?.hyperparameters) {
    throw invalidRequest('Give hyperparameters either at the top level or under method.supervised, not both.', 'hyperparameters');
  }
  return {
    model: b.model,
    trainingFile: b.training_file,
    validationFile: b.validation_file ?? null,
    hyperparameters: { ...fromMethod, ...(b.hyperparameters ?? {}) },
    suffix: b.suffix ?? null,
    seed: b.seed ?? null,
    metadata: b.metadata ?? null,
  };
}
