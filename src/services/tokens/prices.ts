import { z } from 'zod';

/**
 * Prices, encodings and per-example token limits of the models slabtune can fine-tune.
 * Prices are configuration with an effective date, not constants: the default table below is
 * what we knew on its date, and `SLABTUNE_PRICES_JSON` (parsed with `parsePriceOverrides`)
 * replaces any part of it without a release. USD per 1M tokens throughout.
 */

export const ENCODINGS = ['o200k_base', 'cl100k_base'] as const;
export type EncodingName = (typeof ENCODINGS)[number];

export interface TokenPrice {
  inputPer1M: number;
  outputPer1M: number;
}

export interface ModelPricing {
  /** Base model snapshot id, e.g. `gpt-4o-mini-2024-07-18`. */
  model: string;
  encoding: EncodingName;
  trainingPer1M: number;
  /** Inference of the base model and of a model fine-tuned from it. */
  inference: { base: TokenPrice; fineTuned: TokenPrice };
  /** Longer examples are truncated by OpenAI in training; billing counts at most this many. */
  maxTokensPerExample: number;
  /** False where the figure comes from third-party pages or memory rather than OpenAI's own. */
  verified: boolean;
}

export interface PriceTable {
  /** ISO date (YYYY-MM-DD) from which these prices are believed to hold. */
  effectiveDate: string;
  models: Readonly<Record<string, ModelPricing>>;
  /** Snapshot-less names (`gpt-4o-mini`) → the snapshot they fine-tune. */
  aliases: Readonly<Record<string, string>>;
}

export const DEFAULT_MAX_TOKENS_PER_EXAMPLE = 65_536;

export const DEFAULT_PRICE_TABLE: PriceTable = {
  effectiveDate: '2026-11-25',
  models: {
    // Training $3.00 and base inference 0.15/0.60 are the seed's figures (verified against
    // OpenAI's pricing page when the seed was written). Fine-tuned inference 0.30/1.20 is from
    // third-party pages (unverified). The 65,536 example limit is Azure's documented figure.
    'gpt-4o-mini-2024-07-18': {
      model: 'gpt-4o-mini-2024-07-18',
      encoding: 'o200k_base',
      trainingPer1M: 3.0,
      inference: { base: { inputPer1M: 0.15, outputPer1M: 0.6 }, fineTuned: { inputPer1M: 0.3, outputPer1M: 1.2 } },
      maxTokensPerExample: DEFAULT_MAX_TOKENS_PER_EXAMPLE,
      verified: true,
    },
    // Unverified: training $5.00 from third-party pages; inference 0.40/1.60 base and
    // 0.80/3.20 fine-tuned and the 65,536 example limit are unconfirmed.
    'gpt-4.1-mini-2025-04-14': {
      model: 'gpt-4.1-mini-2025-04-14',
      encoding: 'o200k_base',
      trainingPer1M: 5.0,
      inference: { base: { inputPer1M: 0.4, outputPer1M: 1.6 }, fineTuned: { inputPer1M: 0.8, outputPer1M: 3.2 } },
      maxTokensPerExample: DEFAULT_MAX_TOKENS_PER_EXAMPLE,
      verified: false,
    },
    // Unverified: training $1.50 from third-party pages; inference 0.10/0.40 base and
    // 0.20/0.80 fine-tuned and the example limit are unconfirmed.
    'gpt-4.1-nano-2025-04-14': {
      model: 'gpt-4.1-nano-2025-04-14',
      encoding: 'o200k_base',
      trainingPer1M: 1.5,
      inference: { base: { inputPer1M: 0.1, outputPer1M: 0.4 }, fineTuned: { inputPer1M: 0.2, outputPer1M: 0.8 } },
      maxTokensPerExample: DEFAULT_MAX_TOKENS_PER_EXAMPLE,
      verified: false,
    },
    // Unverified: training $25.00, inference 2.50/10.00 base and 3.75/15.00 fine-tuned, and
    // the example limit, are from memory of OpenAI's pricing page.
    'gpt-4o-2024-08-06': {
      model: 'gpt-4o-2024-08-06',
      encoding: 'o200k_base',
      trainingPer1M: 25.0,
      inference: { base: { inputPer1M: 2.5, outputPer1M: 10.0 }, fineTuned: { inputPer1M: 3.75, outputPer1M: 15.0 } },
      maxTokensPerExample: DEFAULT_MAX_TOKENS_PER_EXAMPLE,
      verified: false,
    },
  },
  aliases: {
    'gpt-4o-mini': 'gpt-4o-mini-2024-07-18',
    'gpt-4.1-mini': 'gpt-4.1-mini-2025-04-14',
    'gpt-4.1-nano': 'gpt-4.1-nano-2025-04-14',
    'gpt-4o': 'gpt-4o-2024-08-06',
  },
};

const price = z.number().finite().nonnegative();
const TokenPriceOverride = z.object({ inputPer1M: price, outputPer1M: price }).strict();

const ModelOverride = z
  .object({
    encoding: z.enum(ENCODINGS).optional(),
    trainingPer1M: price.optional(),
    inference: z.object({ base: TokenPriceOverride.optional(), fineTuned: TokenPriceOverride.optional() }).strict().optional(),
    maxTokensPerExample: z.number().int().positive().optional(),
    verified: z.boolean().optional(),
  })
  .strict();

/** Shape of `SLABTUNE_PRICES_JSON`: any subset of the table; new models must give `trainingPer1M`. */
export const PriceOverrides = z
  .object({
    effectiveDate: z.iso.date().optional(),
    models: z.record(z.string().min(1), ModelOverride).optional(),
    aliases: z.record(z.string().min(1), z.string().min(1)).optional(),
  })
  .strict();
export type PriceOverrides = z.infer<typeof PriceOverrides>;

export class UnknownModelError extends Error {
  constructor(readonly model: string) {
    super(`no price entry for model "${model}"`);
    this.name = 'UnknownModelError';
  }
}

/** Parses the JSON text of `SLABTUNE_PRICES_JSON` (or an already parsed object). Throws a ZodError on bad input. */
export function parsePriceOverrides(json: string | unknown): PriceOverrides {
  return PriceOverrides.parse(typeof json === 'string' ? JSON.parse(json) : json);
}

/** The default table with `overrides` merged over it, field by field. */
export function createPriceTable(overrides?: PriceOverrides, base: PriceTable = DEFAULT_PRICE_TABLE): PriceTable {
  if (!overrides) return base;
  const models: Record<string, ModelPricing> = { ...base.models };
  for (const [id, o] of Object.entries(overrides.models ?? {})) {
    const prev = models[id];
    const trainingPer1M = o.trainingPer1M ?? prev?.trainingPer1M;
    if (trainingPer1M === undefined) {
      throw new RangeError(`price override for new model "${id}" must give trainingPer1M`);
    }
    const zero = { inputPer1M: 0, outputPer1M: 0 };
    models[id] = {
      model: id,
      encoding: o.encoding ?? prev?.encoding ?? 'o200k_base',
      trainingPer1M,
      inference: {
        base: o.inference?.base ?? prev?.inference.base ?? zero,
        fineTuned: o.inference?.fineTuned ?? prev?.inference.fineTuned ?? zero,
      },
      maxTokensPerExample: o.maxTokensPerExample ?? prev?.maxTokensPerExample ?? DEFAULT_MAX_TOKENS_PER_EXAMPLE,
      // An overridden figure is as good as whoever set it; keep the flag unless told.
      verified: o.verified ?? prev?.verified ?? false,
    };
  }
  return {
    effectiveDate: overrides.effectiveDate ?? base.effectiveDate,
    models,
    aliases: { ...base.aliases, ...overrides.aliases },
  };
}

/**
 * The base model of a model id: `ft:gpt-4o-mini-2024-07-18:slabstak:card-id:abc123` (and its
 * checkpoints `…:ckpt-step-88`) → `gpt-4o-mini-2024-07-18`; a base id is returned as is.
 */
export function baseModelOf(modelId: string): string {
  if (!modelId.startsWith('ft:')) return modelId;
  const base = modelId.slice(3).split(':', 1)[0];
  if (!base) throw new UnknownModelError(modelId);
  return base;
}

export function isFineTunedModel(modelId: string): boolean {
  return modelId.startsWith('ft:');
}

/** The price entry for a base or fine-tuned model id; throws UnknownModelError when there is none. */
export function lookupModel(table: PriceTable, modelId: string): ModelPricing {
  const base = baseModelOf(modelId);
  const entry = table.models[base] ?? table.models[table.aliases[base] ?? ''];
  if (!entry) throw new UnknownModelError(modelId);
  return entry;
}

/** Inference price of a model id: the fine-tuned column for `ft:` ids, the base column otherwise. */
export function inferencePrice(table: PriceTable, modelId: string): TokenPrice {
  const entry = lookupModel(table, modelId);
  return isFineTunedModel(modelId) ? entry.inference.fineTuned : entry.inference.base;
}
