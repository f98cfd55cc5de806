import { describe, expect, it } from 'vitest';
import {
  baseModelOf,
  createPriceTable,
  DEFAULT_PRICE_TABLE,
  inferencePrice,
  lookupModel,
  parsePriceOverrides,
  UnknownModelError,
} from '../../src/services/tokens/prices.js';

describe('price table', () => {
  it('prices gpt-4o-mini training at $3.00 per 1M tokens with o200k_base and a 65,536-token example limit', () => {
    const entry = lookupModel(DEFAULT_PRICE_TABLE, 'gpt-4o-mini-2024-07-18');
    expect([entry.trainingPer1M, entry.encoding, entry.maxTokensPerExample]).toEqual([3, 'o200k_base', 65_536]);
  });

  it('has the training prices of the other base models', () => {
    const training = ['gpt-4.1-mini-2025-04-14', 'gpt-4.1-nano-2025-04-14', 'gpt-4o-2024-08-06'].map(
      (m) => lookupModel(DEFAULT_PRICE_TABLE, m).trainingPer1M,
    );
    expect(training).toEqual([5, 1.5, 25]);
  });

  it('finds a fine-tuned model by its base model', () => {
    const entry = lookupModel(DEFAULT_PRICE_TABLE, 'ft:gpt-4o-mini-2024-07-18:slabstak:card-id:abc123');
    expect(entry.model).toBe('gpt-4o-mini-2024-07-18');
  });

  it('reads the base model of a checkpoint id', () => {
    expect(baseModelOf('ft:gpt-4o-mini-2024-07-18:slabstak:card-id:abc123:ckpt-step-88')).toBe('gpt-4o-mini-2024-07-18');
  });

  it('resolves a snapshot-less alias', () => {
    expect(lookupModel(DEFAULT_PRICE_TABLE, 'gpt-4o-mini').model).toBe('gpt-4o-mini-2024-07-18');
  });

  it('charges base gpt-4o-mini inference $0.15 input and $0.60 output per 1M tokens', () => {
    expect(inferencePrice(DEFAULT_PRICE_TABLE, 'gpt-4o-mini-2024-07-18')).toEqual({ inputPer1M: 0.15, outputPer1M: 0.6 });
  });

  it('charges fine-tuned gpt-4o-mini inference $0.30 input and $1.20 output per 1M tokens', () => {
    expect(inferencePrice(DEFAULT_PRICE_TABLE, 'ft:gpt-4o-mini-2024-07-18:slabstak::x1')).toEqual({ inputPer1M: 0.3, outputPer1M: 1.2 });
  });

  it('throws UnknownModelError for a model it has no price for', () => {
    expect(() => lookupModel(DEFAULT_PRICE_TABLE, 'ft:davinci-002:acme::x')).toThrow(UnknownModelError);
  });

  it('lets a JSON override change one price and keep the rest of the entry', () => {
    const table = createPriceTable(parsePriceOverrides('{"effectiveDate":"2027-01-01","models":{"gpt-4o-mini-2024-07-18":{"trainingPer1M":2.5}}}'));
    const entry = lookupModel(table, 'gpt-4o-mini-2024-07-18');
    expect([table.effectiveDate, entry.trainingPer1M, entry.inference.base.inputPer1M]).toEqual(['2027-01-01', 2.5, 0.15]);
  });

  it('lets an override add a model with its own example limit', () => {
    const table = createPriceTable(parsePriceOverrides({ models: { 'gpt-4.1-2025-04-14': { trainingPer1M: 25, maxTokensPerExample: 32_768 } } }));
    expect(lookupModel(table, 'gpt-4.1-2025-04-14').maxTokensPerExample).toBe(32_768);
  });

  it('refuses an override that adds a model without a training price', () => {
    expect(() => createPriceTable(parsePriceOverrides({ models: { 'new-model': { encoding: 'o200k_base' } } }))).toThrow(RangeError);
  });

  it('refuses an override with a negative price', () => {
    expect(() => parsePriceOverrides({ models: { 'gpt-4o-mini-2024-07-18': { trainingPer1M: -1 } } })).toThrow();
  });

  it('refuses an override with an unknown field', () => {
    expect(() => parsePriceOverrides({ models: { 'gpt-4o-mini-2024-07-18': { trainingPrice: 1 } } })).toThrow();
  });
});
