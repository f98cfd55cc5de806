import { describe, expect, it } from 'vitest';
import { billableTokens, estimateCost } from '../../src/services/tokens/cost.js';
import { createPriceTable } from '../../src/services/tokens/prices.js';

const MINI = 'gpt-4o-mini-2024-07-18';

describe('estimateCost', () => {
  it("matches the seed's worked example: 100 samples × 500 tokens × 3 epochs = 150,000 tokens = $0.45", () => {
    const estimate = estimateCost({ model: MINI, tokensPerExample: Array.from({ length: 100 }, () => 500), epochs: 3 });
    expect({
      model: estimate.model,
      estimatedTokens: estimate.estimatedTokens,
      epochs: estimate.epochs,
      costPer1mTokens: estimate.costPer1mTokens,
      estimatedCostUsd: estimate.estimatedCostUsd,
    }).toEqual({ model: MINI, estimatedTokens: 150_000, epochs: 3, costPer1mTokens: 3, estimatedCostUsd: 0.45 });
  });

  it('chooses epochs by the default rule when none are given', () => {
    const estimate = estimateCost({ model: MINI, tokensPerExample: Array.from({ length: 10 }, () => 200) });
    expect([estimate.epochs, estimate.epochsSource, estimate.estimatedTokens]).toEqual([10, 'DEFAULT', 20_000]);
  });

  it('accepts totals that are already clamped to the example limit', () => {
    const estimate = estimateCost({ model: MINI, exampleCount: 100, billableTokensPerEpoch: 50_000, epochs: 3 });
    expect(estimate.estimatedCostUsd).toBe(0.45);
  });

  it('bills an example over the limit at the limit', () => {
    const estimate = estimateCost({ model: MINI, tokensPerExample: [70_000, 1_000], epochs: 1 });
    expect(estimate.estimatedTokens).toBe(65_536 + 1_000);
  });

  it('prices a fine-tuned model id as its base model', () => {
    const estimate = estimateCost({ model: `ft:${MINI}:slabstak:card-id:abc123`, exampleCount: 100, billableTokensPerEpoch: 50_000, epochs: 3 });
    expect([estimate.model, estimate.costPer1mTokens]).toEqual([`ft:${MINI}:slabstak:card-id:abc123`, 3]);
  });

  it('uses an overridden price table', () => {
    const prices = createPriceTable({ models: { [MINI]: { trainingPer1M: 6 } } });
    expect(estimateCost({ model: MINI, exampleCount: 100, billableTokensPerEpoch: 50_000, epochs: 3, prices }).estimatedCostUsd).toBe(0.9);
  });

  it('refuses an estimate with no examples', () => {
    expect(() => estimateCost({ model: MINI, tokensPerExample: [] })).toThrow(RangeError);
  });

  it('refuses 51 epochs', () => {
    expect(() => estimateCost({ model: MINI, exampleCount: 100, billableTokensPerEpoch: 50_000, epochs: 51 })).toThrow(RangeError);
  });
});

describe('billableTokens', () => {
  it('sums tokens per example clamped to the limit', () => {
    expect(billableTokens([10, 200, 50], 100)).toEqual({ exampleCount: 3, tokens: 160 });
  });
});
