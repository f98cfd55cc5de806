import { checkEpochs, defaultEpochs } from './epochs.js';
import { DEFAULT_PRICE_TABLE, lookupModel, type PriceTable } from './prices.js';

/**
 * Training cost estimate: billed tokens = epochs × Σ min(limit, tokens of each example), priced
 * per 1M training tokens of the base model. After a job, the real bill is
 * `trained_tokens × price`; this is the estimate shown before one starts.
 */

/** Either every example's token count, or totals already clamped to the per-example limit. */
export type TokenVolume =
  | { tokensPerExample: Iterable<number> }
  | { exampleCount: number; billableTokensPerEpoch: number };

export type CostEstimateInput = TokenVolume & {
  /** Base model or fine-tuned model id (`ft:<base>:…`); priced as its base model. */
  model: string;
  /** Omit (or null) for OpenAI's default rule. */
  epochs?: number | null;
  prices?: PriceTable;
};

/** The seed's fields first (`model` … `estimatedCostUsd`), then what they were computed from. */
export interface CostEstimate {
  model: string;
  estimatedTokens: number;
  epochs: number;
  costPer1mTokens: number;
  estimatedCostUsd: number;
  exampleCount: number;
  tokensPerEpoch: number;
  epochsSource: 'GIVEN' | 'DEFAULT';
  tokenLimitPerExample: number;
  pricesEffectiveDate: string;
}

/** Σ min(limit, tokens) over examples, and how many there were. */
export function billableTokens(tokensPerExample: Iterable<number>, limit: number): { exampleCount: number; tokens: number } {
  let exampleCount = 0;
  let tokens = 0;
  for (const t of tokensPerExample) {
    if (!Number.isFinite(t) || t < 0) throw new RangeError(`token counts must be non-negative numbers, got ${t}`);
    exampleCount += 1;
    tokens += Math.min(limit, t);
  }
  return { exampleCount, tokens };
}

/** Rounds away float noise (0.45000000000000007) without hiding fractions of a cent. */
const roundUsd = (x: number) => Math.round(x * 1e6) / 1e6;

export function estimateCost(input: CostEstimateInput): CostEstimate {
  const prices = input.prices ?? DEFAULT_PRICE_TABLE;
  const entry = lookupModel(prices, input.model);
  const limit = entry.maxTokensPerExample;
  const { exampleCount, tokens: tokensPerEpoch } =
    'tokensPerExample' in input
      ? billableTokens(input.tokensPerExample, limit)
      : { exampleCount: input.exampleCount, tokens: input.billableTokensPerEpoch };
  if (!Number.isInteger(exampleCount) || exampleCount < 1) {
    throw new RangeError(`a cost estimate needs at least one example, got ${exampleCount}`);
  }
  if (!Number.isFinite(tokensPerEpoch) || tokensPerEpoch < 0) {
    throw new RangeError(`billable tokens must be a non-negative number, got ${tokensPerEpoch}`);
  }
  const given = input.epochs !== undefined && input.epochs !== null;
  const epochs = input.epochs === undefined || input.epochs === null ? defaultEpochs(exampleCount) : checkEpochs(input.epochs);
  const estimatedTokens = epochs * tokensPerEpoch;
  return {
    model: input.model,
    estimatedTokens,
    epochs,
    costPer1mTokens: entry.trainingPer1M,
    estimatedCostUsd: roundUsd((estimatedTokens * entry.trainingPer1M) / 1_000_000),
    exampleCount,
    tokensPerEpoch,
    epochsSource: given ? 'GIVEN' : 'DEFAULT',
    tokenLimitPerExample: limit,
    pricesEffectiveDate: prices.effectiveDate,
  };
}
